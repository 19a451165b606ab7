using Recsys.Grains.Ranking.Candidates;

namespace Recsys.Grains.Timeline.SideEffects;

/// <summary>
/// A page as side effects see it: the request, the items served, the timeline's kept state, and how the items were
/// ranked (<see cref="Ranking"/>; null only where a page is built without a ranked list, as in single-effect tests).
/// </summary>
public sealed record ServedPage(RankingQuery Query, IReadOnlyList<Candidate> Items, TimelineState State, ForYouParams Params, ServedRanking? Ranking = null);
