using Recsys.Client;
using Recsys.Cluster.Tests.Grains;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Testing;

namespace Recsys.Cluster.Tests.Support;

/// <summary>A test cluster of in-process silos over loopback TCP, with shared memory storage.</summary>
public static class ThreeSilos
{
    public static Task<TestCluster> StartAsync(int silos = 3, Action<SiloBuilder>? configure = null) =>
        TestCluster.StartAsync(silos, silo =>
        {
            silo.AddGrainAssembly(typeof(AccountGrain).Assembly);
            silo.AddMemoryGrainStorage();
            configure?.Invoke(silo);
        });

    public static Task<ClusterClient> ConnectClientAsync(TestCluster cluster, string? clusterKey = null) =>
        ClusterClient.ConnectAsync(new ClusterClientOptions
        {
            Gateways = cluster.Silos.Select(s => s.Gateway).ToList(),
            ClusterKey = clusterKey,
            ConnectRetryCount = 3,
            ConnectRetryDelay = TimeSpan.FromMilliseconds(100),
        });

    public static long UniqueKey() => Random.Shared.NextInt64(1, long.MaxValue);
}
