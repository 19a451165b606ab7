using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Filters;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Selectors;

/// <summary>
/// Among out-of-network candidates keeps only each author's best scored one
/// (KeepBestOutOfNetworkCandidatePerAuthorPerSuggestType, algorithm.md 1.7). In-network candidates all stay.
/// </summary>
public sealed class KeepBestOutOfNetworkPerAuthorSelector : ISelector, IScoredListStage
{
    public static readonly KeepBestOutOfNetworkPerAuthorSelector Instance = new();

    public SelectorId Id { get; } = new("KeepBestOutOfNetworkPerAuthor");

    // Reused by each thread and emptied after each call: a map per call was a tenth of a refresh's allocation (issue 10).
    [ThreadStatic]
    private static Dictionary<long, int>? t_best;

    public FilterResult Select(RankingQuery query, IReadOnlyList<Candidate> candidates) => ScoredListStage.Apply(this, query, candidates);

    public bool TrySelect(RankingQuery query, IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> scores, Span<int> kept, out int count)
    {
        Dictionary<long, int>? best = null; // author -> index of the best out-of-network candidate so far
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.InNetwork)
            {
                continue;
            }

            best ??= t_best ??= [];
            if (!best.TryGetValue(c.KnownAuthorId, out var current) || scores[i] > scores[current]
                || (scores[i] == scores[current] && c.PostId > candidates[current].PostId))
            {
                best[c.KnownAuthorId] = i;
            }
        }

        if (best is null)
        {
            count = ScoredListStage.KeepAll(candidates.Count, kept); // a followee-heavy viewer's refresh often has no out-of-network candidate
            return true;
        }

        count = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].InNetwork || best[candidates[i].KnownAuthorId] == i)
            {
                kept[count++] = i;
            }
        }

        best.Clear();
        return true;
    }
}
