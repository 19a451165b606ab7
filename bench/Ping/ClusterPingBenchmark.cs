using System.Diagnostics;
using Recsys.Bench.Harness;
using Recsys.Client;
using Recsys.Runtime;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Placement;
using Recsys.Runtime.Testing;

namespace Recsys.Bench.Ping;

/// <summary>
/// Ping across real loopback TCP: a client through a gateway to a silo, and one silo to grains on another
/// (Orleans' ConcurrentPing client and silo-to-silo shapes), plus the 16-way fan-out tree.
/// </summary>
public static class ClusterPingBenchmark
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(TimeSpan duration)
    {
        var results = new List<BenchResult>();
        await using (var one = await TestCluster.StartAsync(1, Configure))
        {
            await using var client = await ClusterClient.ConnectAsync(new ClusterClientOptions { Gateways = [one.Silos[0].Gateway] });
            results.Add(Rename(await InSiloPingBenchmark.SequentialAsync(client.GrainFactory, duration), "client -> silo sequential ping"));
            results.Add(Rename(await InSiloPingBenchmark.ConcurrentAsync(client.GrainFactory, duration, 100, 500), "client -> silo concurrent ping (100 x 500)"));
        }

        await using (var two = await TestCluster.StartAsync(2, Configure))
        {
            var remote = await RemoteFactory.CreateAsync(two.Silos[0].GrainFactory, two.Silos[1].Address.ToString(), keys: 101);
            results.Add(Rename(await InSiloPingBenchmark.SequentialAsync(remote, duration), "silo -> silo sequential ping"));
            results.Add(Rename(await InSiloPingBenchmark.ConcurrentAsync(remote, duration, 100, 500), "silo -> silo concurrent ping (100 x 500)"));
            results.Add(await FanoutAsync(two.Silos[0].GrainFactory, duration));
        }

        return results;
    }

    private static void Configure(SiloBuilder silo) => silo.AddGrainAssembly(typeof(ClusterPingBenchmark).Assembly).AddMemoryGrainStorage();

    private static BenchResult Rename(BenchResult result, string name) => result with { Name = name };

    // 16-way tree of depth 3 (1 + 16 + 256 grains): one ping fans out to every grain and awaits them all.
    private static async Task<BenchResult> FanoutAsync(IGrainFactory factory, TimeSpan duration)
    {
        var root = factory.GetGrain<ITreeGrain>(1);
        await root.Ping(3);
        var recorder = new LatencyRecorder(1_000_000);
        var total = Stopwatch.StartNew();
        long trees = 0;
        while (total.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            await root.Ping(3);
            recorder.Add(Stopwatch.GetTimestamp() - started);
            trees++;
        }

        return new BenchResult("16-way fan-out tree, 273 grains over 2 silos (ops = grain calls)", trees * 272, total.Elapsed, recorder.Percentile(0.5), recorder.Percentile(0.99));
    }

    /// <summary>Hands out ping grains that the second silo hosts, so every call crosses from silo 0 to silo 1.</summary>
    private sealed class RemoteFactory(IGrainFactory inner, Dictionary<long, long> remoteKeys) : IGrainFactory
    {
        public static async Task<RemoteFactory> CreateAsync(IGrainFactory inner, string remoteSilo, int keys)
        {
            var remoteKeys = new Dictionary<long, long>();
            for (long i = 0; i < keys; i++)
            {
                var key = i * 1_000_003;
                while (await inner.GetGrain<IRemotePingGrain>(key).Where() != remoteSilo)
                {
                    key++;
                }

                remoteKeys[i] = key;
            }

            return new RemoteFactory(inner, remoteKeys);
        }

        public TGrainInterface GetGrain<TGrainInterface>(long primaryKey)
            where TGrainInterface : IGrainWithIntegerKey => inner.GetGrain<TGrainInterface>(remoteKeys[primaryKey]);

        public TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
            where TGrainInterface : IGrainWithStringKey => inner.GetGrain<TGrainInterface>(primaryKey);

        public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey)
            where TGrainInterface : IGrainWithGuidKey => inner.GetGrain<TGrainInterface>(primaryKey);

        public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
            where TGrainInterface : IGrain => inner.GetGrain<TGrainInterface>(grainId);

        public IGrain GetGrain(Type interfaceType, GrainId grainId) => inner.GetGrain(interfaceType, grainId);
    }
}

public interface IRemotePingGrain : IGrainWithIntegerKey
{
    Task<string> Where();
}

public interface ITreeGrain : IGrainWithIntegerKey
{
    Task Ping(int depth);
}

/// <summary>Placed by hash, so the tree spreads over both silos.</summary>
[HashBasedPlacement]
public sealed class TreeGrain : Grain, ITreeGrain
{
    public Task Ping(int depth)
    {
        if (depth <= 1)
        {
            return Task.CompletedTask;
        }

        var first = GrainId.GetIntegerKey() * 16;
        return Task.WhenAll(Enumerable.Range(0, 16).Select(i => GrainFactory.GetGrain<ITreeGrain>(first + i).Ping(depth - 1)));
    }
}
