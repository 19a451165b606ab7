using Recsys.Grains.Interfaces.Fanout;
using Recsys.Runtime.Filters;

namespace Recsys.Bench.ForYou;

/// <summary>
/// Loading only: answers fan-out calls without running them, so creating a million posts does not write a hundred
/// million inbox entries. Inboxes are caches: the bench silo rebuilds each viewer's inbox from its followees' recent
/// posts on first read, as after any reactivation. Not registered in the measured silo.
/// </summary>
public sealed class SkipFanoutFilter : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceType != typeof(IFanoutGrain))
        {
            return context.Invoke();
        }

        context.Result = new FanoutResult(0, Pulled: false);
        return Task.CompletedTask;
    }
}
