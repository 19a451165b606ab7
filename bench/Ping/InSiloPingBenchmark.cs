using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Recsys.Bench.Harness;
using Recsys.Runtime;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Testing;

namespace Recsys.Bench.Ping;

/// <summary>
/// Orleans' ping shapes inside one silo: a sequential awaited call to one grain, and 100 concurrent callers each
/// making blocks of 500 calls to its own grain (test/Benchmarks ConcurrentPing, hosted client).
/// </summary>
public static class InSiloPingBenchmark
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(TimeSpan duration)
    {
        await using var cluster = await TestCluster.StartAsync(silo => silo.AddGrainAssembly(typeof(InSiloPingBenchmark).Assembly).AddMemoryGrainStorage()
            .Services.Configure<SchedulingOptions>(SchedulingSwitch.Apply));
        var factory = cluster.GrainFactory;
        return [await SequentialAsync(factory, duration), await ConcurrentAsync(factory, duration, callers: 100, block: 500)];
    }

    public static async Task<BenchResult> SequentialAsync(IGrainFactory factory, TimeSpan duration)
    {
        var grain = factory.GetGrain<IBenchPingGrain>(0);
        for (var i = 0; i < 100_000; i++)
        {
            await grain.Ping(i); // warm up: tiered JIT, pools
        }

        var recorder = new LatencyRecorder(5_000_000);
        var total = Stopwatch.StartNew();
        long calls = 0;
        while (total.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            await grain.Ping(1);
            recorder.Add(Stopwatch.GetTimestamp() - started);
            calls++;
        }

        return new BenchResult("in-silo sequential ping", calls, total.Elapsed, recorder.Percentile(0.5), recorder.Percentile(0.99));
    }

    public static async Task<BenchResult> ConcurrentAsync(IGrainFactory factory, TimeSpan duration, int callers, int block)
    {
        var grains = Enumerable.Range(1, callers).Select(i => factory.GetGrain<IBenchPingGrain>(i)).ToArray();
        await RunBlocksAsync(grains, TimeSpan.FromSeconds(2), block, null);
        var recorder = new LatencyRecorder(20_000_000);
        var total = Stopwatch.StartNew();
        var calls = await RunBlocksAsync(grains, duration, block, recorder);
        return new BenchResult($"in-silo concurrent ping ({callers} x {block})", calls, total.Elapsed, recorder.Percentile(0.5), recorder.Percentile(0.99));
    }

    private static async Task<long> RunBlocksAsync(IBenchPingGrain[] grains, TimeSpan duration, int block, LatencyRecorder? recorder)
    {
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var counts = await Task.WhenAll(grains.Select(grain => Task.Run(async () =>
        {
            long calls = 0;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                for (var i = 0; i < block; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await grain.Ping(i);
                    recorder?.Add(Stopwatch.GetTimestamp() - started);
                }

                calls += block;
            }

            return calls;
        })));
        return counts.Sum();
    }
}
