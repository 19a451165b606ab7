using Recsys.Runtime;
using Recsys.Runtime.Concurrency;

namespace Recsys.Grains.Interfaces.Users;

/// <summary>
/// One shard of the list of every user (key: shard, 0..<see cref="UserIndex.Shards"/>−1, the user id modulo the shard
/// count). Grain storage cannot be enumerated, so batch jobs (SimClusters, and any other that walks all users) find
/// the users here: a User grain adds itself whenever its profile is upserted.
/// </summary>
public interface IUserIndexGrain : IGrainWithIntegerKey
{
    /// <summary>Adds users of this shard; ids already present change nothing (no write).</summary>
    Task Add(IReadOnlyList<long> userIds);

    /// <summary>The users of this shard, ascending.</summary>
    [ReadOnly]
    Task<IReadOnlyList<long>> GetUserIds();
}

/// <summary>How user ids map to <see cref="IUserIndexGrain"/> shards.</summary>
public static class UserIndex
{
    /// <summary>Shards (ours): about a thousand ids per shard at a million users keeps each shard's write small.</summary>
    public const int Shards = 1024;

    public static long ShardOf(long userId) => (long)((ulong)userId % Shards);
}
