using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Filters;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Selectors;

/// <summary>
/// The result caps of scored tweets (algorithm.md 1.7): in rank order, at most <paramref name="maxInNetwork"/>
/// in-network and <paramref name="maxOutOfNetwork"/> out-of-network candidates (60 each), and
/// <paramref name="maxTotal"/> in all (the server maximum, 120). Order is kept.
/// </summary>
public sealed class DropExcessCandidatesSelector(int maxInNetwork, int maxOutOfNetwork, int maxTotal) : ISelector
{
    public SelectorId Id { get; } = new("DropExcessCandidates");

    public FilterResult Select(RankingQuery query, IReadOnlyList<Candidate> candidates)
    {
        int inNetwork = 0, outOfNetwork = 0, total = 0;
        return FilterResult.Partition(candidates, c =>
        {
            var under = total < maxTotal && (c.InNetwork ? inNetwork < maxInNetwork : outOfNetwork < maxOutOfNetwork);
            if (under)
            {
                total++;
                _ = c.InNetwork ? inNetwork++ : outOfNetwork++;
            }

            return under;
        });
    }
}
