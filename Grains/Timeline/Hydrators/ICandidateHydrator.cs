using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Timeline.Hydrators;

/// <summary>
/// A candidate hydrator: adds what grains hold to each candidate and returns them, same order, none dropped. A
/// candidate it cannot hydrate is returned without the feature (the Unavailable filter then drops it).
/// </summary>
public interface ICandidateHydrator
{
    HydratorId Id { get; }

    Task<IReadOnlyList<Candidate>> HydrateAsync(TimelineQuery query, IReadOnlyList<Candidate> candidates, CancellationToken cancellation);
}
