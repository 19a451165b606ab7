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

    public FilterResult Select(RankingQuery query, IReadOnlyList<Candidate> candidates)
    {
        var best = new Dictionary<long, Candidate>(candidates.Count);
        foreach (var c in candidates)
        {
            if (!c.InNetwork && (!best.TryGetValue(c.KnownAuthorId, out var current) || c.Score > current.Score
                || (c.Score == current.Score && c.PostId > current.PostId)))
            {
                best[c.KnownAuthorId] = c;
            }
        }

        return FilterResult.Partition(candidates, c => c.InNetwork || ReferenceEquals(best[c.KnownAuthorId], c));
    }
}
