using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>
/// A filter: keeps some candidates and removes the others, and says which, so every drop can be explained.
/// Filters run in the order the pipeline config lists them; stateless filters are singletons.
/// </summary>
public interface IFilter
{
    FilterId Id { get; }

    FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates);
}
