using Recsys.Grains.Interfaces.Reputation;

namespace Recsys.Grains.Reputation.Cluster;

/// <summary>The live, mutable record of the run in progress; the coordinator publishes it as <see cref="TweepcredRunStatus"/>.</summary>
internal sealed class TweepcredRunTracker(long runId, TweepcredRunRequest request, DateTimeOffset asOf, int partitions)
{
    public long RunId { get; } = runId;

    public long? JobId { get; } = request.JobId;

    public DateTimeOffset AsOf { get; } = asOf;

    public int Partitions { get; } = partitions;

    public string Phase { get; set; } = "load";

    public double Progress { get; set; }

    public string Message { get; set; } = "starting";

    public IReadOnlyList<string> PartitionSilos { get; set; } = [];

    public int Users { get; set; }

    public long Edges { get; set; }

    public long PartitionBytes { get; set; }

    public long SharesPerIteration { get; set; }

    public int Iterations { get; set; }

    public double Delta { get; set; }

    public bool Converged { get; set; }

    public List<TweepcredPhaseTime> PhaseSeconds { get; } = [];

    public TweepcredRunStatus ToStatus(TweepcredRunState state = TweepcredRunState.Running, DateTimeOffset? finishedAt = null, string? error = null) =>
        new(RunId, JobId, request.Trigger, state, AsOf, finishedAt, Phase, Progress, Partitions, PartitionSilos.ToArray(), Users, Edges, PartitionBytes, SharesPerIteration,
            Iterations, Delta, Converged, PhaseSeconds.ToArray(), error);
}
