using Recsys.Runtime;

namespace Recsys.Grains.Interfaces.Engagements;

/// <summary>
/// Carries logged engagements to the grains they touch (a stateless worker, keyed by <see cref="EngagementTarget"/>).
/// Events for one target that arrive while a delivery to it is in flight are coalesced into the next delivery, so a
/// hot post or author receives a few large calls rather than one call per engagement.
/// </summary>
public interface IEngagementBatcherGrain : IGrainWithIntegerKey
{
    Task Deliver(IReadOnlyList<TargetedEngagements> deliveries);
}

/// <summary>The grains engagements are delivered to: the key of an <see cref="IEngagementBatcherGrain"/>.</summary>
public enum EngagementTarget
{
    Post = 0,
    User = 1,
}

/// <summary>Events for one target grain, in sequence order.</summary>
/// <remarks>A value (issue 6): a batch holds one per target grain, about three per event, alive until it is delivered.</remarks>
public readonly record struct TargetedEngagements(long TargetId, IReadOnlyList<LoggedEngagement> Events);
