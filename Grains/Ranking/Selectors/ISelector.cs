using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;
using Recsys.Grains.Ranking.Filters;

namespace Recsys.Grains.Ranking.Selectors;

/// <summary>
/// A selector: reorders the candidates and may drop some (named by verb: Drop*, Keep*, Sort*, Debunch*). Like a
/// filter it returns what it dropped, so the drop can be explained.
/// </summary>
public interface ISelector
{
    SelectorId Id { get; }

    FilterResult Select(RankingQuery query, IReadOnlyList<Candidate> candidates);
}
