using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>
/// Drops posts whose text or hashtags contain one of the viewer's muted words (the viewer-muted-keyword rule,
/// algorithm.md 1.8): case-insensitive, whole words; a muted phrase matches as a whole phrase; a leading '#' on a
/// muted word is ignored.
/// </summary>
public sealed class MutedWordsFilter : IFilter
{
    public static readonly MutedWordsFilter Instance = new();

    public FilterId Id { get; } = new("MutedWords");

    public FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates) => CandidateTests.Apply(Test(query), candidates);

    public Func<Candidate, bool> Test(RankingQuery query)
    {
        if (query.Viewer.MutedWords.Count == 0)
        {
            return CandidateTests.KeepAll;
        }

        var muted = query.Viewer.MutedWords.Select(w => w.TrimStart('#').ToLowerInvariant()).Where(w => w.Length > 0).ToArray();
        return muted.Length == 0 ? CandidateTests.KeepAll : c => c.Post is not { } post || !Matches(post.Info.Text, post.Info.Hashtags, muted);
    }

    /// <summary>Whether any muted word or phrase occurs as whole words in the text or equals a hashtag.</summary>
    public static bool Matches(string text, IReadOnlyList<string> hashtags, IReadOnlyList<string> muted)
    {
        var lower = text.ToLowerInvariant();
        foreach (var word in muted)
        {
            if (hashtags.Any(h => string.Equals(h.TrimStart('#'), word, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            for (var at = lower.IndexOf(word, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                var end = at + word.Length;
                if ((at == 0 || !char.IsLetterOrDigit(lower[at - 1])) && (end == lower.Length || !char.IsLetterOrDigit(lower[end])))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
