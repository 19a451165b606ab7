using Microsoft.Extensions.Options;
using Recsys.Grains.Interfaces.Fanout;
using Recsys.Grains.Interfaces.Users;
using Recsys.Runtime;
using Recsys.Runtime.Concurrency;

namespace Recsys.Grains.Fanout;

/// <summary>
/// Pushes a new post into each follower's inbox, a bounded number of calls at a time; skips authors over the pull
/// threshold (their followers pull at read time). Stateless, so fan-outs run side by side on every silo.
/// </summary>
[StatelessWorker]
[Reentrant]
[GrainType("fanout")]
public sealed class FanoutGrain(IOptions<FanoutOptions> options) : Grain, IFanoutGrain
{
    public async Task<FanoutResult> Fanout(InboxEntry post)
    {
        var targets = await GrainFactory.GetGrain<IFollowersGrain>(post.AuthorId).GetFanoutTargets();
        if (targets.Pull)
        {
            return new FanoutResult(0, Pulled: true);
        }

        IReadOnlyList<InboxEntry> entry = [post];
        await BoundedParallel.ForEachAsync(targets.Followers, options.Value.MaxParallelCalls,
            follower => GrainFactory.GetGrain<IUserGrain>(follower).AddToInbox(entry));
        return new FanoutResult(targets.Followers.Count, Pulled: false);
    }
}
