using System.Buffers.Binary;
using System.Net;
using Recsys.Cluster.Tests.Grains;
using Recsys.Cluster.Tests.Support;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Messaging;

namespace Recsys.Cluster.Tests;

[Trait("Category", "Functional")]
[Trait("Area", "Transport")]
public sealed class TransportTests
{
    [Fact]
    public async Task AnOversizedFrameClosesThatConnectionOnly()
    {
        await using var cluster = await ThreeSilos.StartAsync(silos: 2, configure: silo => silo.Configure<EndpointOptions>(e => e.MaxFrameBytes = 64 * 1024));
        await using var client = await ThreeSilos.ConnectClientAsync(cluster);
        var pipe = await OpenAsSiloAsync(cluster.Silos[0].Address.Endpoint);

        var frame = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(frame, 1 << 20);
        await pipe.Output.WriteAsync(frame);

        Assert.True(await ClosedByPeerAsync(pipe));
        Assert.Equal(4, (await client.GrainFactory.GetGrain<IAccountGrain>(ThreeSilos.UniqueKey()).Deposit(4)).Balance);
    }

    [Fact]
    public async Task AMalformedFrameClosesThatConnectionOnly()
    {
        await using var cluster = await ThreeSilos.StartAsync(silos: 2);
        var pipe = await OpenAsSiloAsync(cluster.Silos[0].Address.Endpoint);

        var frame = new byte[4 + 3];
        BinaryPrimitives.WriteInt32LittleEndian(frame, 3);
        frame[4] = 99; // no such frame kind
        await pipe.Output.WriteAsync(frame);

        Assert.True(await ClosedByPeerAsync(pipe));
        Assert.Equal(2, (await cluster.Silos[1].GrainFactory.GetGrain<IAccountGrain>(ThreeSilos.UniqueKey()).Deposit(2)).Balance);
    }

    [Fact]
    public async Task AClientWithTheWrongClusterKeyIsRefusedAndReachesNoGrain()
    {
        await using var cluster = await ThreeSilos.StartAsync(silos: 2, configure: silo => silo.Configure<ClusterOptions>(c => c.ClusterKey = "right key"));

        await Assert.ThrowsAsync<SiloUnavailableException>(() => ThreeSilos.ConnectClientAsync(cluster, clusterKey: "wrong key"));
        await Assert.ThrowsAsync<SiloUnavailableException>(() => ThreeSilos.ConnectClientAsync(cluster, clusterKey: null));

        Assert.All(cluster.Silos, s => Assert.Equal(0, s.Control.ActivationCount));
        await using var member = await ThreeSilos.ConnectClientAsync(cluster, clusterKey: "right key");
        Assert.Equal(1, (await member.GrainFactory.GetGrain<IAccountGrain>(ThreeSilos.UniqueKey()).Deposit(1)).Balance);
    }

    [Fact]
    public async Task ASiloThatDoesNotHoldTheKeyCannotOpenASiloConnection()
    {
        await using var cluster = await ThreeSilos.StartAsync(silos: 1, configure: silo => silo.Configure<ClusterOptions>(c => c.ClusterKey = "right key"));

        var pipe = await OpenAsSiloAsync(cluster.Silos[0].Address.Endpoint);

        Assert.True(await ClosedByPeerAsync(pipe));
    }

    // Connects to a silo port and answers its hello as a silo without the key: the peer decides what happens next.
    private static async Task<System.IO.Pipelines.IDuplexPipe> OpenAsSiloAsync(IPEndPoint endpoint)
    {
        var pipe = await DuplexPipe.ConnectAsync(endpoint, CancellationToken.None);
        await Handshake.ReceiveAsync(pipe.Input, CancellationToken.None);
        await Handshake.SendAsync(pipe.Output, new HelloMessage("silo", ClusterOptions.DefaultClusterId, "127.0.0.1:1@1"), CancellationToken.None);
        return pipe;
    }

    private static async Task<bool> ClosedByPeerAsync(System.IO.Pipelines.IDuplexPipe pipe)
    {
        while (true)
        {
            var read = await pipe.Input.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            if (read.IsCompleted)
            {
                return true;
            }

            pipe.Input.AdvanceTo(read.Buffer.End);
        }
    }
}
