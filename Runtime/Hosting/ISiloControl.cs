using Recsys.Runtime.Catalog;
using Recsys.Runtime.Metrics;

namespace Recsys.Runtime.Hosting;

/// <summary>What a host, the admin view and tests may ask of a running silo.</summary>
public interface ISiloControl
{
    /// <summary>Activations currently in this silo's catalog.</summary>
    int ActivationCount { get; }

    /// <summary>The activation of a grain in this silo, if any.</summary>
    ActivationSnapshot? GetActivation(GrainId grainId);

    /// <summary>Per grain type and method call statistics of this silo.</summary>
    IReadOnlyList<MethodStatisticsSnapshot> GetMethodStatistics();

    /// <summary>Runs one idle-collection pass now, without waiting for the collection quantum.</summary>
    int CollectIdleActivations();

    /// <summary>
    /// Scale-out: every silo moves its activations above the cluster average (up to a cap each) to the least loaded
    /// silo, writing each one's state before it moves. Returns how many moved.
    /// </summary>
    Task<int> RebalanceClusterAsync(int maxMovesPerSilo);
}
