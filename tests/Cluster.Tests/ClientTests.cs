using Recsys.Cluster.Tests.Grains;
using Recsys.Cluster.Tests.Support;
using Recsys.Runtime.Messaging;

namespace Recsys.Cluster.Tests;

[Trait("Category", "Functional")]
[Trait("Area", "Client")]
public sealed class ClientTests
{
    [Fact]
    public async Task AClientReachesGrainsOnEverySiloThroughItsGateways()
    {
        await using var cluster = await ThreeSilos.StartAsync();
        await using var client = await ThreeSilos.ConnectClientAsync(cluster);

        var deposits = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => client.GrainFactory.GetGrain<IAccountGrain>(ThreeSilos.UniqueKey()).Deposit(3)));

        Assert.All(deposits, d => Assert.Equal(3, d.Balance));
        Assert.Equal(3, client.LiveGateways.Count);
        Assert.True(deposits.Select(d => d.Silo).Distinct().Count() >= 2);
    }

    [Fact]
    public async Task ATypedExceptionCrossesTheWireWithItsProperties()
    {
        await using var cluster = await ThreeSilos.StartAsync();
        await using var client = await ThreeSilos.ConnectClientAsync(cluster);

        var thrown = await Assert.ThrowsAsync<AccountRejectedException>(() => client.GrainFactory.GetGrain<IAccountGrain>(ThreeSilos.UniqueKey()).Fail("overdrawn", 42));

        Assert.Equal("overdrawn", thrown.Reason);
        Assert.Equal(42, thrown.Code);
        Assert.Equal("rejected: overdrawn", thrown.Message);
    }

    [Fact]
    public async Task ACallReturningAValueTaskCarriesItsResultAndItsExceptionOverTheWire()
    {
        await using var cluster = await ThreeSilos.StartAsync();
        await using var client = await ThreeSilos.ConnectClientAsync(cluster);
        var account = client.GrainFactory.GetGrain<IAccountGrain>(ThreeSilos.UniqueKey());
        await account.Deposit(5);

        Assert.Equal(5, await account.BalanceLater());
        var thrown = await Assert.ThrowsAsync<AccountRejectedException>(async () => await account.FailLater("frozen", 7));
        Assert.Equal(("frozen", 7), (thrown.Reason, thrown.Code));
    }

    [Fact]
    public async Task AClientKeepsWorkingWhenItsGatewayStops()
    {
        await using var cluster = await ThreeSilos.StartAsync();
        await using var client = await ThreeSilos.ConnectClientAsync(cluster);
        var keys = Enumerable.Range(0, 30).Select(_ => ThreeSilos.UniqueKey()).ToList();
        await Task.WhenAll(keys.Select(k => client.GrainFactory.GetGrain<IAccountGrain>(k).Deposit(1)));

        var lost = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.GatewayLost += gateway => lost.TrySetResult(gateway);
        var stopped = cluster.Silos[0];
        await cluster.StopSiloAsync(stopped);
        Assert.Equal(stopped.Gateway, await lost.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(2, client.LiveGateways.Count);

        var balances = await Task.WhenAll(keys.Select(k => client.GrainFactory.GetGrain<IAccountGrain>(k).Deposit(1)));
        Assert.All(balances, d => Assert.Equal(2, d.Balance));
    }

    [Fact]
    public async Task AClientRetriesConnectingAndThenGivesUpWithAClearError()
    {
        var failure = await Assert.ThrowsAsync<SiloUnavailableException>(() => Client.ClusterClient.ConnectAsync(new Client.ClusterClientOptions
        {
            Gateways = ["127.0.0.1:1"],
            ConnectRetryCount = 2,
            ConnectRetryDelay = TimeSpan.FromMilliseconds(10),
        }));

        Assert.Contains("after 2 tries", failure.Message);
    }
}
