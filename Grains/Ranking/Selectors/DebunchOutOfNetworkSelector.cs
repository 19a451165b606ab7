using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Filters;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Selectors;

/// <summary>
/// At most <paramref name="maxConsecutive"/> out-of-network items in a row (DebunchCandidates, algorithm.md 1.8):
/// when one more would follow, the next in-network item is pulled forward. Once no in-network item is left the
/// rest keep their order. Drops nothing.
/// </summary>
public sealed class DebunchOutOfNetworkSelector(int maxConsecutive) : ISelector
{
    public SelectorId Id { get; } = new("DebunchOutOfNetwork");

    public FilterResult Select(RankingQuery query, IReadOnlyList<Candidate> candidates)
    {
        // Two queues in ranked order; take the earlier head unless that would make the out-of-network run too long.
        var inNetwork = new Queue<(int Rank, Candidate Candidate)>();
        var outOfNetwork = new Queue<(int Rank, Candidate Candidate)>();
        for (var i = 0; i < candidates.Count; i++)
        {
            (candidates[i].InNetwork ? inNetwork : outOfNetwork).Enqueue((i, candidates[i]));
        }

        var result = new List<Candidate>(candidates.Count);
        var run = 0;
        while (inNetwork.Count + outOfNetwork.Count > 0)
        {
            var takeInNetwork = inNetwork.Count > 0
                && (outOfNetwork.Count == 0 || inNetwork.Peek().Rank < outOfNetwork.Peek().Rank || run >= maxConsecutive);
            result.Add((takeInNetwork ? inNetwork : outOfNetwork).Dequeue().Candidate);
            run = takeInNetwork ? 0 : run + 1;
        }

        return new FilterResult(result, []);
    }
}
