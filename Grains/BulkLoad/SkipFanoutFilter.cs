using Recsys.Grains.Interfaces.Fanout;
using Recsys.Runtime.Filters;

namespace Recsys.Grains.BulkLoad;

/// <summary>
/// The private silo answers fan-out calls without running them: inboxes are caches in memory, never stored (see
/// Fanout/Inbox.cs), rebuilt from followees' recent posts when a silo first reads them, so pushing a million posts
/// into followers' inboxes (a hundred million calls at 100 follows each) would change no stored row.
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
