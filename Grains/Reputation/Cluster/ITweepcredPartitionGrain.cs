using Recsys.Runtime;
using Recsys.Runtime.Concurrency;

namespace Recsys.Grains.Reputation.Cluster;

/// <summary>
/// One shard of the tweepcred graph (key: chosen by the coordinator per run, see <see cref="PartitionKeys"/>), driven phase by phase by the coordinator, with a barrier
/// between phases: Begin, Load (repeated until done), SendEdges, Build, Start, Prepare, Step per iteration,
/// Adjust, Write (repeated until done), Release. Partitions talk to each other only through ReceiveEdges and
/// ReceiveShares, which interleave with the phase a partition is in. Every call names its run; a stale run is refused.
/// </summary>
public interface ITweepcredPartitionGrain : IGrainWithIntegerKey
{
    /// <summary>Drops anything of an earlier run and returns the silo this partition lives on.</summary>
    Task<string> Begin(TweepcredPartitionSetup setup);

    /// <summary>Reads the next batches of this partition's users from the store; Done once all are read.</summary>
    Task<TweepcredLoadProgress> Load(long runId);

    /// <summary>Sends every follow edge to the partition owning its target; returns the edges kept.</summary>
    Task<long> SendEdges(long runId);

    /// <summary>Edges from another partition into this one's users; returns the positions whose target is unknown.</summary>
    [AlwaysInterleave]
    Task<int[]> ReceiveEdges(TweepcredEdgeChunk chunk);

    /// <summary>Builds the in-edge rows and the priors; returns the users and their summed prior mass.</summary>
    Task<TweepcredPartitionBuilt> Build(long runId);

    /// <summary>Normalises the prior by the graph's total and sets the starting ranks; returns their sum.</summary>
    Task<double> Start(long runId, double totalMass, int userCount);

    /// <summary>Normalises the starting ranks, sends iteration 1's shares, and returns the starting totals.</summary>
    Task<SuperstepTotals> Prepare(long runId, double startTotal);

    /// <summary>Runs one iteration and, when <paramref name="sendNext"/>, sends the next iteration's shares.</summary>
    Task<SuperstepTotals> Step(long runId, int iteration, double dead, bool sendNext);

    /// <summary>Rank shares mirrored from another partition for one iteration.</summary>
    [AlwaysInterleave]
    Task ReceiveShares(TweepcredShareChunk chunk);

    /// <summary>Applies the post-adjustment (when configured) and returns the sum of the adjusted ranks.</summary>
    Task<double> Adjust(long runId);

    /// <summary>Writes the next batch of scores; Done once every user of the partition has its score.</summary>
    Task<TweepcredWriteProgress> Write(long runId, double? normaliser);

    /// <summary>Frees the run's memory; the activation deactivates when idle.</summary>
    Task Release(long runId);
}

/// <summary>What every partition of a run is told at Begin.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Partition">This partition.</param>
/// <param name="Partitions">How many partitions.</param>
/// <param name="Keys">The grain key of each partition, by partition index.</param>
/// <param name="AsOf">The run's clock (account ages, score stamps).</param>
/// <param name="Options">PageRank and scaling options.</param>
/// <param name="MaxMessageEntries">Edges or shares per message, at most.</param>
/// <param name="MaxParallelCalls">Grain calls in flight per partition (store reads and writes, sends).</param>
/// <param name="BatchUsers">Users per store batch and per Load or Write call.</param>
/// <param name="StartFromPrevious">Start from the users' last PageRank where known.</param>
public sealed record TweepcredPartitionSetup(
    long RunId,
    int Partition,
    int Partitions,
    IReadOnlyList<long> Keys,
    DateTimeOffset AsOf,
    TweepcredOptions Options,
    int MaxMessageEntries,
    int MaxParallelCalls,
    int BatchUsers,
    bool StartFromPrevious);

/// <summary>Load progress of one partition: users and follows read so far, the store's fraction, and whether it is done.</summary>
public sealed record TweepcredLoadProgress(int Users, long Follows, double Fraction, bool Done);

/// <summary>A built partition: its users, kept in-edges, the sum of their prior mass, its arrays, and the shares it sends per superstep.</summary>
public sealed record TweepcredPartitionBuilt(int Users, long InEdges, double PriorMass, long MemoryBytes, long SharesSent);

/// <summary>Write progress of one partition.</summary>
public sealed record TweepcredWriteProgress(int Written, int Users, bool Done);

/// <summary>
/// Up to MaxMessageEntries of the Total edges one partition sends another: sources as local indices of the sender
/// (int, ascending across a sender's chunks), targets as user ids (long), weights (float) in a weighted run; packed
/// little-endian.
/// </summary>
public sealed record TweepcredEdgeChunk(long RunId, int From, int Sequence, int Total, byte[] Sources, byte[] Targets, byte[]? Weights);

/// <summary>Shares (double, packed little-endian) for entries [Offset, Offset + n) of the sender's send list to the receiver.</summary>
public sealed record TweepcredShareChunk(long RunId, int Iteration, int From, int Offset, byte[] Values);
