using Recsys.Silo.Hosting;
using Recsys.Silo.Tests.Support;

namespace Recsys.Silo.Tests;

[Trait("Category", "Functional")]
[Trait("Area", "Cluster")]
public sealed class ClusterEndpointsTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private ApiHost Host => fixture.Host;

    [Fact]
    public async Task TheClusterViewListsThisSiloAsActive()
    {
        var view = await (await Host.Client.GetAsync("/api/admin/cluster")).JsonAsync();

        var member = Assert.Single(view.GetProperty("members").EnumerateArray());
        Assert.Equal("Active", member.GetProperty("status").GetString());
        Assert.Equal(view.GetProperty("silo").GetString(), member.GetProperty("address").GetString());
    }

    [Fact]
    public async Task RebalancingOneSiloMovesNothingAndABadCapIsA400NamingIt()
    {
        var result = await (await Host.Client.PostAsync("/api/admin/cluster/rebalance", null)).JsonAsync();

        Assert.Equal(0, result.GetProperty("moved").GetInt32());
        await (await Host.Client.PostAsync("/api/admin/cluster/rebalance?maxMovesPerSilo=0", null)).AssertFieldProblemAsync("maxMovesPerSilo");
    }

    [Fact]
    public void ClusterModeIsChosenWithAConnectionStringAndPortsAndTurnsTheSampleOff()
    {
        Assert.True(SiloCommandLine.TryParse(["--cluster", "Host=127.0.0.1;Username=postgres;Database=recsys", "--silo-port", "11112", "--gateway-port", "30001", "--cluster-id", "prod"], out var options, out _));

        Assert.Equal(("Host=127.0.0.1;Username=postgres;Database=recsys", 11112, 30001, "prod", false),
            (options.ClusterConnectionString, options.SiloPort, options.GatewayPort, options.ClusterId, options.LoadSample));
    }

    [Theory]
    [InlineData("--silo-port", "0")]
    [InlineData("--gateway-port", "70000")]
    [InlineData("--cluster", "Host=x;Nonsense Key=1")]
    public void BadClusterOptionsAreRefusedWithOneLine(params string[] args)
    {
        Assert.False(SiloCommandLine.TryParse(args, out _, out var error));
        Assert.Contains(args[0], error);
        Assert.DoesNotContain('\n', error);
    }
}

[Trait("Category", "BVT")]
[Trait("Area", "Hosting")]
public sealed class PortCheckTests
{
    [Fact]
    public void APortAlreadyInUseIsNamedWithTheOptionThatChoosesIt()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var problem = PortCheck.FirstProblem(new SiloHostOptions { Urls = "http://127.0.0.1:0", SiloPort = port, GatewayPort = 0 });

        Assert.Equal($"port {port} is already in use; choose another with --silo-port", problem);
    }
}
