using System.Diagnostics;
using Recsys.Bench.Harness;

namespace Recsys.Bench.SideBySide;

/// <summary>
/// A closed-loop run's latencies and throughput, with the CPU time and GC pause it cost, and the fewest and most requests
/// one viewer got answered (percentiles alone would hide a starved viewer).
/// </summary>
public sealed record ClosedLoopResult(string System, int Viewers, BenchResult Result, TimeSpan Cpu, TimeSpan GcPause, int FewestPerViewer, int MostPerViewer)
{
    public double CpuMillisecondsPerRequest => Cpu.TotalMilliseconds / Math.Max(1, Result.Operations);

    /// <summary>How many cores the system got on average: on a shared box, the scheduler's share, not only the demand.</summary>
    public double CoresUsed => Cpu / Result.Elapsed;

    public static string Header =>
        "| system | viewers | requests | seconds | requests/s | p50 ms | p99 ms | CPU ms per request | cores used | GC pause ms | per viewer, fewest-most |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    public override string ToString() =>
        $"| {System} | {Viewers} | {Result.Operations:N0} | {Result.Elapsed.TotalSeconds:F1} | {Result.PerSecond:N0} | {Result.P50Microseconds / 1000:F2} "
        + $"| {Result.P99Microseconds / 1000:F2} | {CpuMillisecondsPerRequest:F2} | {CoresUsed:F2} | {GcPause.TotalMilliseconds:N0} | {FewestPerViewer:N0}-{MostPerViewer:N0} |";
}

/// <summary>
/// A closed-loop load: each of N callers is one viewer that sends its next request as soon as the last one
/// answers, for a fixed time, after a warm-up of two requests per viewer.
/// </summary>
public static class ClosedLoop
{
    /// <summary>Every viewer requests in a closed loop for <paramref name="duration"/>, unmeasured.</summary>
    public static async Task WarmUpAsync(IReadOnlyList<long> viewers, TimeSpan duration, Func<long, Task> request)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(viewers.Select(viewer => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                await request(viewer);
            }
        })));
    }

    /// <param name="cpu">Starts a CPU reading; the function it returns gives the CPU used since.</param>
    public static async Task<ClosedLoopResult> RunAsync(string system, IReadOnlyList<long> viewers, TimeSpan duration, Func<long, Task> request,
        Func<Task<Func<Task<TimeSpan>>>> cpu)
    {
        for (var round = 0; round < 2; round++)
        {
            await Task.WhenAll(viewers.Select(request));
        }

        var used = await cpu();
        var paused = GC.GetTotalPauseDuration();
        var loop = await ClosedLoopMeasurement.RunAsync(viewers, duration, request, 4_000_000);
        var result = new BenchResult($"{system}, {viewers.Count} viewers", loop.Count, loop.Elapsed, loop.Latencies.Percentile(0.5), loop.Latencies.Percentile(0.99));
        return new ClosedLoopResult(system, viewers.Count, result, await used(), GC.GetTotalPauseDuration() - paused, loop.PerViewer[0], loop.PerViewer[^1]);
    }
}
