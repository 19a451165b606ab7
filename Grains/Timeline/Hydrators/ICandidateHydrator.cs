using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Timeline.Hydrators;

/// <summary>
/// A candidate hydrator: adds what grains hold to each candidate of the draft, none dropped. A candidate it cannot
/// hydrate goes on without the feature (the Unavailable filter then drops it). Hydrators of one step run in order,
/// each seeing what the earlier ones added, and the step copies each candidate once (<see cref="HydrationDraft"/>).
/// </summary>
public interface ICandidateHydrator
{
    HydratorId Id { get; }

    Task HydrateAsync(TimelineQuery query, HydrationDraft draft, CancellationToken cancellation);
}
