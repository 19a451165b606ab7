using System.Diagnostics;
using Recsys.Runtime.Invocation;

namespace Recsys.Runtime.Catalog;

/// <summary>The turn loop: one thread drains the ready queue with the activation's context installed.</summary>
internal sealed partial class ActivationData
{
    // Like Orleans' ActivationSchedulingQuantum: after this long, give the thread back to others.
    private static readonly long QuantumTicks = Stopwatch.Frequency / 10;
    private const int ItemsBetweenClockChecks = 64;

    void IThreadPoolWorkItem.Execute()
    {
        if (_services.PrefetchNextTurns)
        {
            PrefetchNextTurns();
        }

        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_context);
        var requeue = false;
        try
        {
            var started = Stopwatch.GetTimestamp();
            var count = 0;
            while (true)
            {
                ReadyItem item;
                lock (this)
                {
                    if (_ready.Count == 0)
                    {
                        _scheduled = false;
                        break;
                    }

                    item = _ready.Dequeue();
                }

                Run(item);

                if (++count % ItemsBetweenClockChecks == 0 && Stopwatch.GetTimestamp() - started > QuantumTicks)
                {
                    lock (this)
                    {
                        requeue = _ready.Count > 0;
                        _scheduled = requeue;
                    }

                    break;
                }
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (requeue)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private void Run(ReadyItem item)
    {
        if (item.Callback is { } callback)
        {
            try
            {
                callback(item.State);
            }
            catch (Exception exception)
            {
                Log.TurnFailed(_services.Logger, exception, GrainId);
            }

            return;
        }

        var request = (Invokable)item.State!;
        var now = _services.Time.GetTimestamp();
        request.StartedAt = now;
        if (request.KeepsAlive)
        {
            _lastActivity = now;
        }

        request.Execute(this);
    }
}
