namespace Recsys.Grains.Interfaces.Reputation;

/// <summary>One tweepcred run: where it is, what it found, and how long each phase took.</summary>
/// <param name="RunId">Increasing per coordinator.</param>
/// <param name="JobId">The job registry's run it reports to, if any.</param>
/// <param name="Trigger">Who started it.</param>
/// <param name="State">Running, succeeded or failed.</param>
/// <param name="AsOf">The run's clock: account ages are counted to it and scores are stamped with it.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="Phase">The current or last phase (load, exchange, build, iterate, adjust, write, done).</param>
/// <param name="Progress">0..1.</param>
/// <param name="Partitions">Partition grains used.</param>
/// <param name="PartitionSilos">The silo each partition ran on, by partition index.</param>
/// <param name="Users">Users in the graph.</param>
/// <param name="Edges">Follow edges kept (between known users, no self-follows, duplicates merged).</param>
/// <param name="PartitionBytes">Memory held by the partitions' built arrays (in-edge rows, ranks, shares), all silos together.</param>
/// <param name="SharesPerIteration">Rank shares the partitions send each other per superstep (one per user and other partition holding a followee).</param>
/// <param name="Iterations">PageRank iterations run.</param>
/// <param name="Delta">Σ|Δ| of the last iteration.</param>
/// <param name="Converged">Whether PageRank stopped on the tolerance rather than the iteration cap.</param>
/// <param name="PhaseSeconds">Wall-clock seconds per finished phase, in order.</param>
/// <param name="Error">Why it failed.</param>
public sealed record TweepcredRunStatus(
    long RunId,
    long? JobId,
    string Trigger,
    TweepcredRunState State,
    DateTimeOffset AsOf,
    DateTimeOffset? FinishedAt,
    string Phase,
    double Progress,
    int Partitions,
    IReadOnlyList<string> PartitionSilos,
    int Users,
    long Edges,
    long PartitionBytes,
    long SharesPerIteration,
    int Iterations,
    double Delta,
    bool Converged,
    IReadOnlyList<TweepcredPhaseTime> PhaseSeconds,
    string? Error);

/// <summary>How long one phase of a run took.</summary>
public sealed record TweepcredPhaseTime(string Phase, double Seconds);

/// <summary>Where a tweepcred run is.</summary>
public enum TweepcredRunState
{
    Running,
    Succeeded,
    Failed,
}
