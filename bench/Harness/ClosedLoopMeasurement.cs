using System.Diagnostics;

namespace Recsys.Bench.Harness;

/// <summary>
/// One measured closed loop: a caller per viewer sends its next request as soon as the last one answers, for a fixed
/// time. Keeps every latency and how many requests each viewer got answered (percentiles alone hide a starved viewer).
/// </summary>
public sealed class ClosedLoopMeasurement
{
    private ClosedLoopMeasurement(LatencyRecorder latencies, long count, int[] perViewer, TimeSpan elapsed) =>
        (Latencies, Count, PerViewer, Elapsed) = (latencies, count, perViewer, elapsed);

    public LatencyRecorder Latencies { get; }

    public long Count { get; }

    /// <summary>Requests answered per viewer, fewest first.</summary>
    public int[] PerViewer { get; }

    public TimeSpan Elapsed { get; }

    public static async Task<ClosedLoopMeasurement> RunAsync(IReadOnlyList<long> viewers, TimeSpan duration, Func<long, Task> request, int capacity)
    {
        var latencies = new LatencyRecorder(capacity);
        var count = 0L;
        var clock = Stopwatch.StartNew();
        var perViewer = await Task.WhenAll(viewers.Select(viewer => Task.Run(async () =>
        {
            var served = 0;
            while (clock.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                await request(viewer);
                latencies.Add(Stopwatch.GetTimestamp() - start);
                Interlocked.Increment(ref count);
                served++;
            }

            return served;
        })));
        var elapsed = clock.Elapsed;
        Array.Sort(perViewer);
        return new ClosedLoopMeasurement(latencies, count, perViewer, elapsed);
    }
}
