using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Timeline.Gates;

/// <summary>
/// Opens for a candidate source only while fewer than <see cref="ForYouParams.MinCachedPerSource"/> of the viewer's
/// cached scored candidates that this source found are still unseen (not in the viewer's impressions): home-mixer's
/// MinCachedTweetsGate (30, algorithm.md 1.3). A viewer refreshing within minutes gets the cached candidates instead
/// of the same sources asked again.
/// </summary>
public sealed class MinCachedCandidatesGate(CandidateSourceId source) : IGate
{
    public GateId Id { get; } = new("MinCachedCandidates");

    public CandidateSourceId Source => source;

    public bool ShouldRun(TimelineQuery query) => query.UnseenCached(source) < query.Params.MinCachedPerSource;
}
