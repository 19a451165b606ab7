using Recsys.Grains.Interfaces.SimClusters;

namespace Recsys.Grains.SimClusters;

/// <summary>The SimClusters model grain's stored state.</summary>
public sealed class SimClustersModelState
{
    /// <summary>Run summaries kept, newest last (ours).</summary>
    public const int MaxRuns = 10;

    /// <summary>The last committed KnownFor assignment: where the next run starts.</summary>
    public KnownForSnapshot? KnownFor { get; set; }

    /// <summary>The job holding the model, if a run is in progress.</summary>
    public long? RunningJobId { get; set; }

    public List<SimClustersRunSummary> Runs { get; set; } = [];

    /// <summary>The period the re-run reminder was registered with; null while none is.</summary>
    public TimeSpan? ScheduledEvery { get; set; }
}
