using Microsoft.Extensions.Options;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;
using Recsys.Runtime;
using Recsys.Runtime.Concurrency;

namespace Recsys.Grains.Ingestion;

/// <summary>
/// Delivers logged engagements to Post grains (key 0) or User grains (key 1), coalescing per target grain: while a
/// delivery to a grain is in flight, further events for it wait and go in the next delivery. A few workers per
/// silo (reentrant, so each coalesces across many callers) keep a hot post to a handful of calls.
/// </summary>
[StatelessWorker(MaxWorkers)]
[Reentrant]
[GrainType("engagementbatcher")]
public sealed class EngagementBatcherGrain(IOptions<IngestionOptions> options) : Grain, IEngagementBatcherGrain
{
    /// <summary>Workers per silo: few, so that each sees many events per hot target (ours).</summary>
    public const int MaxWorkers = 4;

    private Coalescer<long, LoggedEngagement>? _coalescer;

    public Task Deliver(IReadOnlyList<TargetedEngagements> deliveries)
    {
        var coalescer = _coalescer ??= new Coalescer<long, LoggedEngagement>(SendAsync(), options.Value.MaxEventsPerDelivery);
        return coalescer.EnqueueAll(deliveries, static d => d.TargetId, static d => d.Events);
    }

    private Func<long, IReadOnlyList<LoggedEngagement>, ValueTask> SendAsync() => (EngagementTarget)GrainId.GetIntegerKey() switch
    {
        EngagementTarget.Post => (id, events) => GrainFactory.GetGrain<IPostGrain>(id).ApplyEngagements(events),
        EngagementTarget.User => (id, events) => GrainFactory.GetGrain<IUserGrain>(id).ApplyEngagements(events),
        var other => throw new InvalidOperationException($"No engagement target {other}."),
    };
}
