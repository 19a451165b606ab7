using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Filters;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Selectors;

/// <summary>
/// The result caps of scored tweets (algorithm.md 1.7): in rank order, at most <paramref name="maxInNetwork"/>
/// in-network and <paramref name="maxOutOfNetwork"/> out-of-network candidates (60 each), and
/// <paramref name="maxTotal"/> in all (the server maximum, 120). Order is kept.
/// </summary>
public sealed class DropExcessCandidatesSelector(int maxInNetwork, int maxOutOfNetwork, int maxTotal) : ISelector, IScoredListStage
{
    public SelectorId Id { get; } = new("DropExcessCandidates");

    public FilterResult Select(RankingQuery query, IReadOnlyList<Candidate> candidates) => ScoredListStage.Apply(this, query, candidates);

    /// <summary>Reads no scores: the list is already in rank order.</summary>
    public bool TrySelect(RankingQuery query, IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> scores, Span<int> kept, out int count)
    {
        int inNetwork = 0, outOfNetwork = 0;
        count = 0;
        for (var i = 0; i < candidates.Count && count < maxTotal; i++)
        {
            var c = candidates[i];
            if (c.InNetwork ? inNetwork < maxInNetwork : outOfNetwork < maxOutOfNetwork)
            {
                kept[count++] = i;
                _ = c.InNetwork ? inNetwork++ : outOfNetwork++;
            }
        }

        return true;
    }
}
