using Recsys.Runtime;

namespace Recsys.Grains.Interfaces.SimClusters;

/// <summary>
/// Carries post score updates to SimCluster grains (a stateless worker; use key 0), coalescing per community: while
/// an update call to a community is in flight, further updates for it wait and go together in the next call, so a
/// hot community receives a few large calls rather than one per like. A call completes once its updates are applied.
/// </summary>
public interface ISimClusterPostBatcherGrain : IGrainWithIntegerKey
{
    Task Update(IReadOnlyList<CommunityPostUpdate> updates);
}

/// <summary>A post's new decayed score in one community, valued at <paramref name="At"/>; 0 removes it.</summary>
public readonly record struct CommunityPostUpdate(int CommunityId, long PostId, double Score, DateTimeOffset At);
