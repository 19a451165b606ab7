using Recsys.Cluster.Tests.Grains;
using Recsys.Cluster.Tests.Support;

namespace Recsys.Cluster.Tests;

[Trait("Category", "Functional")]
[Trait("Area", "Cluster")]
public sealed class MembershipChangeTests
{
    [Fact]
    public async Task AGracefulStopMovesTheSilosGrainsWithTheirState()
    {
        await using var cluster = await ThreeSilos.StartAsync();
        var keys = Enumerable.Range(0, 30).Select(_ => ThreeSilos.UniqueKey()).ToList();
        var before = await Task.WhenAll(keys.Select(k => cluster.GrainFactory.GetGrain<IAccountGrain>(k).Deposit(5)));
        var leaving = cluster.Silos[1];
        var moved = keys.Where((_, i) => before[i].Silo == leaving.Address.ToString()).ToList();
        Assert.NotEmpty(moved);

        await cluster.StopSiloAsync(leaving);

        foreach (var key in keys)
        {
            var after = await cluster.Silos[0].GrainFactory.GetGrain<IAccountGrain>(key).Deposit(1);
            Assert.Equal(6, after.Balance);
            Assert.NotEqual(leaving.Address.ToString(), after.Silo);
        }
    }

    [Fact]
    public async Task ANewSiloTakesItsShareOfNewActivations()
    {
        await using var cluster = await ThreeSilos.StartAsync(silos: 2);
        var joined = await cluster.StartAdditionalSiloAsync();

        var hosts = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ =>
            cluster.Silos[0].GrainFactory.GetGrain<IAccountGrain>(ThreeSilos.UniqueKey()).Silo()));

        Assert.Contains(joined.Address.ToString(), hosts);
    }

    [Fact]
    public async Task RebalancingMovesAShareOfExistingActivationsToANewSiloWithTheirState()
    {
        await using var cluster = await ThreeSilos.StartAsync(silos: 2);
        var keys = Enumerable.Range(0, 60).Select(_ => ThreeSilos.UniqueKey()).ToList();
        await Task.WhenAll(keys.Select(k => cluster.GrainFactory.GetGrain<IAccountGrain>(k).Deposit(3)));
        var joined = await cluster.StartAdditionalSiloAsync();
        Assert.Equal(0, joined.Control.ActivationCount);

        var moved = await cluster.Silos[0].Control.RebalanceClusterAsync(maxMovesPerSilo: 100);

        Assert.InRange(moved, 10, 40);
        var after = await Task.WhenAll(keys.Select(k => cluster.GrainFactory.GetGrain<IAccountGrain>(k).Deposit(1)));
        Assert.All(after, d => Assert.Equal(4, d.Balance));
        Assert.True(after.Count(d => d.Silo == joined.Address.ToString()) >= 10, "the new silo took a share of the existing grains");
    }
}
