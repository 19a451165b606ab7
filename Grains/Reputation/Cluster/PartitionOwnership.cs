using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.Reputation.Cluster;

/// <summary>
/// Which tweepcred partition owns a user: its user-index shard modulo the partition count, so a partition owns whole
/// shards of <see cref="IUserIndexGrain"/> and reads only those.
/// </summary>
public static class PartitionOwnership
{
    public static int Owner(long userId, int partitions) => (int)(UserIndex.ShardOf(userId) % partitions);

    /// <summary>The user-index shards a partition owns.</summary>
    public static IEnumerable<long> Shards(int partition, int partitions)
    {
        for (long shard = partition; shard < UserIndex.Shards; shard += partitions)
        {
            yield return shard;
        }
    }

    /// <summary>The owner of each user-index shard, for hot loops: owner = table[ShardOf(id)].</summary>
    internal static int[] OwnerTable(int partitions) =>
        Enumerable.Range(0, UserIndex.Shards).Select(shard => shard % partitions).ToArray();
}
