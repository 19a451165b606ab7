using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Models;

namespace Recsys.Grains.Timeline.SideEffects;

/// <summary>
/// How a served page's items were ranked: the query of the ranking (its time, not the page's, so features such as
/// age come out as the model saw them), the heavy ranker and light ranker versions that ranked them, and the
/// position of the page's first item in the session's ranked list.
/// </summary>
public sealed record ServedRanking(RankingQuery RankedWith, HeavyRanker HeavyModel, string LightModelVersion, int FirstPosition,
    IReadOnlyDictionary<long, CachedCandidate>? Reused = null)
{
    /// <summary>The query and model a served candidate was scored with: an earlier request's for one reused from the cache.</summary>
    public (RankingQuery Query, HeavyRanker Model) ScoredWith(long postId) =>
        Reused is not null && Reused.TryGetValue(postId, out var cached) ? (cached.ScoredWith, cached.Model) : (RankedWith, HeavyModel);
}
