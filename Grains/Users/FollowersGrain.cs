using Microsoft.Extensions.Options;
using Recsys.Grains.Fanout;
using Recsys.Grains.Interfaces.Users;
using Recsys.Runtime;
using Recsys.Runtime.Storage;

namespace Recsys.Grains.Users;

/// <summary>
/// The followers of one user. It calls no User grain, so following never makes User grains wait on each other.
/// It tells the large-accounts registry when the author crosses the pull threshold, either way.
/// </summary>
[GrainType("followers")]
public sealed class FollowersGrain(
    [PersistentState("followers")] IPersistentState<FollowersState> state,
    IOptions<FanoutOptions> options) : Grain, IFollowersGrain
{
    private FollowersState Followers => state.State;

    private bool IsLarge => Followers.Overflowed || Followers.Count > options.Value.PullThreshold;

    public async Task<long> Add(long followerId) => await ChangeAsync(() => AddOne(followerId));

    public async Task<long> Remove(long followerId) => await ChangeAsync(() => RemoveOne(followerId));

    public async Task<long> AddMany(IReadOnlyList<long> followerIds) =>
        await ChangeAsync(() => followerIds.Aggregate(false, (changed, id) => AddOne(id) | changed));

    public Task<long> GetCount() => Task.FromResult(Followers.Count);

    public Task<FanoutTargets> GetFanoutTargets() => Task.FromResult(IsLarge
        ? new FanoutTargets(true, Followers.Count, [])
        : new FanoutTargets(false, Followers.Count, Followers.Ids.ToArray()));

    private async Task<long> ChangeAsync(Func<bool> change)
    {
        var wasLarge = IsLarge;
        if (change())
        {
            await state.WriteStateAsync();
            if (IsLarge != wasLarge)
            {
                await GrainFactory.GetGrain<ILargeAccountsGrain>(0).Set(GrainId.GetIntegerKey(), IsLarge);
            }
        }

        return Followers.Count;
    }

    private bool AddOne(long followerId)
    {
        if (Followers.Ids.Contains(followerId))
        {
            return false;
        }

        if (Followers.Ids.Count < options.Value.PullThreshold && !Followers.Overflowed)
        {
            Followers.Ids.Add(followerId);
        }
        else
        {
            Followers.Overflowed = true; // beyond the list only the count is kept; repeats can no longer be told apart
        }

        Followers.Count++;
        return true;
    }

    private bool RemoveOne(long followerId)
    {
        if (Followers.Ids.Remove(followerId) || (Followers.Overflowed && Followers.Count > Followers.Ids.Count))
        {
            Followers.Count--;
            Followers.Overflowed &= Followers.Count > Followers.Ids.Count;
            return true;
        }

        return false;
    }
}
