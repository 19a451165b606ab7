using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Filters;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Selectors;

/// <summary>Orders by final score, best first; equal scores newest post first. Drops nothing.</summary>
public sealed class SortByScoreSelector : ISelector
{
    public static readonly SortByScoreSelector Instance = new();

    public SelectorId Id { get; } = new("SortByScore");

    public FilterResult Select(RankingQuery query, IReadOnlyList<Candidate> candidates) =>
        new(candidates.OrderByDescending(c => c.Score).ThenByDescending(c => c.PostId).ToArray(), []);
}
