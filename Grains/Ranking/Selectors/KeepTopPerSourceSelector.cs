using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Filters;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Selectors;

/// <summary>
/// Before hydration: each source keeps its best <paramref name="maxPerSource"/> candidates by light-ranker score,
/// newest first on ties (MaxTweetsToScore 500 per source, algorithm.md 1.3). Output in input order.
/// </summary>
public sealed class KeepTopPerSourceSelector(int maxPerSource) : ISelector
{
    public SelectorId Id { get; } = new("KeepTopPerSource");

    public FilterResult Select(RankingQuery query, IReadOnlyList<Candidate> candidates)
    {
        var kept = new HashSet<Candidate>(ReferenceEqualityComparer.Instance);
        foreach (var source in candidates.GroupBy(c => c.Source))
        {
            kept.UnionWith(source.OrderByDescending(c => c.LightScore).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.PostId).Take(maxPerSource));
        }

        return FilterResult.Partition(candidates, kept.Contains);
    }
}
