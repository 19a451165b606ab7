using Recsys.Grains.Ingestion;
using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Runtime;
using Recsys.Runtime.Concurrency;

namespace Recsys.Grains.SimClusters;

/// <summary>
/// Carries post score updates to SimCluster grains, coalescing per community as the engagement batcher does per post:
/// while an update call to a community is in flight, further updates for it wait and go in the next call. A few
/// reentrant workers per silo each coalesce across many Post grains, so a hot community gets a few large calls.
/// </summary>
[StatelessWorker(MaxWorkers)]
[Reentrant]
[GrainType("simclusterpostbatcher")]
public sealed class SimClusterPostBatcherGrain : Grain, ISimClusterPostBatcherGrain
{
    /// <summary>Workers per silo: few, so that each sees many updates per hot community (ours, as the engagement batcher).</summary>
    public const int MaxWorkers = 4;

    /// <summary>Updates per call to one community (ours).</summary>
    public const int MaxUpdatesPerCall = 1_000;

    private Coalescer<int, PostScoreUpdate>? _coalescer;

    public Task Update(IReadOnlyList<CommunityPostUpdate> updates)
    {
        var coalescer = _coalescer ??= new Coalescer<int, PostScoreUpdate>(
            (community, batch) => new ValueTask(GrainFactory.GetGrain<ISimClusterGrain>(community).UpdatePosts(batch)), MaxUpdatesPerCall);
        return Task.WhenAll(updates
            .Where(u => u.CommunityId > 0)
            .GroupBy(u => u.CommunityId)
            .Select(g => coalescer.Enqueue(g.Key, g.Select(u => new PostScoreUpdate(u.PostId, u.Score, u.At)).ToArray())));
    }
}
