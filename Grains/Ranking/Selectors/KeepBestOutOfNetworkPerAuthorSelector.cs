using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Filters;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Selectors;

/// <summary>
/// Among out-of-network candidates keeps only each author's best scored one
/// (KeepBestOutOfNetworkCandidatePerAuthorPerSuggestType, algorithm.md 1.7). In-network candidates all stay.
/// </summary>
public sealed class KeepBestOutOfNetworkPerAuthorSelector : ISelector
{
    public static readonly KeepBestOutOfNetworkPerAuthorSelector Instance = new();

    public SelectorId Id { get; } = new("KeepBestOutOfNetworkPerAuthor");

    // Reused by each thread and emptied after each call (it holds candidates): a map per call was a tenth of a
    // refresh's allocation (issue 10).
    [ThreadStatic]
    private static Dictionary<long, Candidate>? t_best;

    public FilterResult Select(RankingQuery query, IReadOnlyList<Candidate> candidates)
    {
        Dictionary<long, Candidate>? best = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.InNetwork)
            {
                continue;
            }

            best ??= t_best ??= [];
            if (!best.TryGetValue(c.KnownAuthorId, out var current) || c.Score > current.Score || (c.Score == current.Score && c.PostId > current.PostId))
            {
                best[c.KnownAuthorId] = c;
            }
        }

        if (best is null)
        {
            return new FilterResult(candidates, []); // a followee-heavy viewer's refresh often has no out-of-network candidate
        }

        try
        {
            return FilterResult.Partition(candidates, c => c.InNetwork || ReferenceEquals(best[c.KnownAuthorId], c));
        }
        finally
        {
            best.Clear();
        }
    }
}
