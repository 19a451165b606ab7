using System.Diagnostics;
using Recsys.Bench.Harness;

namespace Recsys.Bench.SideBySide;

/// <summary>
/// A closed-loop load: each of N callers is one viewer that sends its next request as soon as the last one
/// answers, for a fixed time, after a warm-up of two requests per viewer.
/// </summary>
public static class ClosedLoop
{
    public static async Task<BenchResult> RunAsync(string name, IReadOnlyList<long> viewers, TimeSpan duration, Func<long, Task> request)
    {
        for (var round = 0; round < 2; round++)
        {
            await Task.WhenAll(viewers.Select(request));
        }

        var latencies = new LatencyRecorder(4_000_000);
        var count = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(viewers.Select(viewer => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                await request(viewer);
                latencies.Add(Stopwatch.GetTimestamp() - start);
                Interlocked.Increment(ref count);
            }
        })));
        return new BenchResult(name, count, clock.Elapsed, latencies.Percentile(0.5), latencies.Percentile(0.99));
    }
}
