using System.Diagnostics;
using System.Runtime;

namespace Recsys.Bench.Harness;

/// <summary>
/// Waits until the JIT has compiled nothing new for a while. Tiered compilation promotes hot methods on one background
/// thread, so right after a short warm-up a backlog of promotions is still compiling, on the cores the measured phase
/// wants (issue 6 measured 1,200-2,050 methods and 1-3 s of compile time inside a 10 s phase).
/// </summary>
public static class JitQuiet
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>Returns the methods compiled while waiting and how long it waited (at most <paramref name="limit"/>).</summary>
    public static async Task<(long Methods, TimeSpan Waited)> WaitAsync(TimeSpan quiet, TimeSpan limit)
    {
        var started = Stopwatch.GetTimestamp();
        var first = JitInfo.GetCompiledMethodCount();
        var (last, lastChange) = (first, started);
        while (Stopwatch.GetElapsedTime(started) < limit)
        {
            await Task.Delay(Poll);
            var count = JitInfo.GetCompiledMethodCount();
            if (count != last)
            {
                (last, lastChange) = (count, Stopwatch.GetTimestamp());
            }
            else if (Stopwatch.GetElapsedTime(lastChange) >= quiet)
            {
                break;
            }
        }

        return (last - first, Stopwatch.GetElapsedTime(started));
    }
}
