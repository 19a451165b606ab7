using Recsys.Grains.Interfaces.Reputation;

namespace Recsys.Grains.Reputation.Cluster;

/// <summary>
/// Where the tweepcred partitions read users and follows, and where they write the scores. The default
/// (<see cref="UserGrainGraphStore"/>) reads the user index and the User grains and writes into the User grains;
/// a bulk snapshot (<see cref="TweepcredSnapshotStore"/>) feeds the same partitions directly, for benchmarks and imports.
/// </summary>
public interface ITweepcredGraphStore
{
    /// <summary>
    /// The users whose <see cref="PartitionOwnership.Owner"/> is <paramref name="scope"/>.Partition, each exactly once,
    /// with their follows (any order, duplicates allowed), in batches.
    /// </summary>
    IAsyncEnumerable<TweepcredUserBatch> ReadPartitionAsync(TweepcredReadScope scope, CancellationToken cancellationToken = default);

    /// <summary>Stores the scores of some users of one partition.</summary>
    Task WriteScoresAsync(TweepcredReadScope scope, IReadOnlyList<long> userIds, IReadOnlyList<UserReputation> scores);
}

/// <summary>What a partition asks its store for.</summary>
/// <param name="Partition">This partition, 0..Partitions−1.</param>
/// <param name="Partitions">How many there are.</param>
/// <param name="Weighted">Whether follows need weights.</param>
/// <param name="BatchUsers">Users per batch, at most.</param>
/// <param name="MaxParallelCalls">Grain calls a store may have in flight at once.</param>
public sealed record TweepcredReadScope(int Partition, int Partitions, bool Weighted, int BatchUsers, int MaxParallelCalls);
