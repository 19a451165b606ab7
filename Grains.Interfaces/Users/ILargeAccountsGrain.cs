using Recsys.Runtime;
using Recsys.Runtime.Concurrency;

namespace Recsys.Grains.Interfaces.Users;

/// <summary>
/// The accounts whose posts are pulled at read time rather than fanned out (key 0): those with more followers
/// than FanoutOptions.PullThreshold. Followers grains keep it current as counts cross the threshold.
/// </summary>
public interface ILargeAccountsGrain : IGrainWithIntegerKey
{
    Task Set(long userId, bool large);

    [ReadOnly]
    Task<IReadOnlyList<long>> GetAll();
}
