using Recsys.Cluster.Tests.Grains;
using Recsys.Cluster.Tests.Support;
using Recsys.Runtime;

namespace Recsys.Cluster.Tests;

[Trait("Category", "Functional")]
[Trait("Area", "Cluster")]
public sealed class PlacementTests
{
    [Fact]
    public async Task GrainsSpreadOverTheSilosAndAreCalledTransparentlyFromAnySilo()
    {
        await using var cluster = await ThreeSilos.StartAsync();
        var keys = Enumerable.Range(0, 60).Select(_ => ThreeSilos.UniqueKey()).ToList();

        var hosts = await Task.WhenAll(keys.Select(k => cluster.Silos[0].GrainFactory.GetGrain<IAccountGrain>(k).Silo()));

        Assert.True(hosts.Distinct().Count() >= 2, $"all 60 grains landed on {string.Join(", ", hosts.Distinct())}");
        foreach (var silo in cluster.Silos)
        {
            var seen = await Task.WhenAll(keys.Take(10).Select(k => silo.GrainFactory.GetGrain<IAccountGrain>(k).Silo()));
            Assert.Equal(hosts.Take(10), seen);
        }
    }

    [Fact]
    public async Task AThousandConcurrentCallsFromEverySiloAndAClientMeetOneActivationPerGrain()
    {
        await using var cluster = await ThreeSilos.StartAsync();
        await using var client = await ThreeSilos.ConnectClientAsync(cluster);
        var keys = Enumerable.Range(0, 10).Select(_ => ThreeSilos.UniqueKey()).ToList();
        var factories = cluster.Silos.Select(s => s.GrainFactory).Append(client.GrainFactory).ToList();

        var deposits = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => Task.Run(() =>
            factories[i % factories.Count].GetGrain<IAccountGrain>(keys[i % keys.Count]).Deposit(1))));

        foreach (var key in keys)
        {
            var grainId = cluster.GrainFactory.GetGrain<IAccountGrain>(key).GetGrainId().ToString();
            Assert.Single(AccountGrain.Activations[grainId]);
            Assert.Equal(100, await client.GrainFactory.GetGrain<IAccountGrain>(key).Balance());
        }

        Assert.Equal(1000, deposits.Length);
        Assert.Equal(10, deposits.Select(d => (d.Silo, d.ActivationId)).Distinct().Count());
    }
}
