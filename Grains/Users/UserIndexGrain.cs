using Recsys.Grains.Interfaces.Users;
using Recsys.Runtime;
using Recsys.Runtime.Storage;

namespace Recsys.Grains.Users;

/// <summary>One shard of the list of every user; written only when a new id arrives.</summary>
[GrainType("userindex")]
public sealed class UserIndexGrain([PersistentState("users")] IPersistentState<UserIndexState> state) : Grain, IUserIndexGrain
{
    public async Task Add(IReadOnlyList<long> userIds)
    {
        var added = false;
        foreach (var id in userIds)
        {
            if (UserIndex.ShardOf(id) != GrainId.GetIntegerKey())
            {
                throw new ArgumentException($"user {id} belongs to shard {UserIndex.ShardOf(id)}, not {GrainId.GetIntegerKey()}", nameof(userIds));
            }

            added |= state.State.Ids.Add(id);
        }

        if (added)
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<long>> GetUserIds() => Task.FromResult<IReadOnlyList<long>>(state.State.Ids.Order().ToArray());

    /// <summary>Every user id of every shard, ascending, read with bounded parallelism.</summary>
    public static async Task<long[]> ListAllAsync(IGrainFactory grains, int maxParallelCalls)
    {
        var shards = Enumerable.Range(0, UserIndex.Shards).ToArray();
        var parts = await Fanout.BoundedParallel.SelectAsync(shards, maxParallelCalls, s => grains.GetGrain<IUserIndexGrain>(s).GetUserIds());
        var all = parts.SelectMany(p => p).ToArray();
        Array.Sort(all);
        return all;
    }
}

/// <summary>A user index shard's stored ids.</summary>
public sealed class UserIndexState
{
    public HashSet<long> Ids { get; set; } = [];
}
