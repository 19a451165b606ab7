using Recsys.Runtime;
using Recsys.Runtime.Concurrency;

namespace Recsys.Grains.Interfaces.Users;

/// <summary>
/// The followers of one user (key: user id). Kept apart from the User grain so that following never makes two
/// User grains wait on each other. Ids are stored up to the fan-out pull threshold; beyond it only the count.
/// </summary>
public interface IFollowersGrain : IGrainWithIntegerKey
{
    /// <summary>Returns the follower count after the change.</summary>
    Task<long> Add(long followerId);

    Task<long> Remove(long followerId);

    Task<long> AddMany(IReadOnlyList<long> followerIds);

    [ReadOnly]
    Task<long> GetCount();

    /// <summary>Whom to fan a new post out to, or <see cref="FanoutTargets.Pull"/> when the author is too large.</summary>
    [ReadOnly]
    Task<FanoutTargets> GetFanoutTargets();
}

/// <summary>The followers a post fans out to; when <see cref="Pull"/> is set, none: followers pull at read time.</summary>
public sealed record FanoutTargets(bool Pull, long FollowerCount, IReadOnlyList<long> Followers);
