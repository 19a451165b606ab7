using Recsys.Grains.Ranking.Candidates;

namespace Recsys.Grains.Timeline.SideEffects;

/// <summary>A page as side effects see it: the request, the items served, and the timeline's kept state.</summary>
public sealed record ServedPage(RankingQuery Query, IReadOnlyList<Candidate> Items, TimelineState State, ForYouParams Params);
