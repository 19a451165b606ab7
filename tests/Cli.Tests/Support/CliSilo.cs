using Recsys.Grains.Hosting;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Testing;

namespace Recsys.Cli.Tests.Support;

/// <summary>One silo with the domain grains on memory storage; the command line reaches it through its gateway.</summary>
public static class CliSilo
{
    public static Task<TestCluster> StartAsync() => TestCluster.StartAsync(silo =>
    {
        silo.AddMemoryGrainStorage();
        silo.UseMemoryReminders();
        silo.AddRecsysDomain();
        silo.UseMemoryEngagementLog();
    });

    /// <summary>"--gateway host:port" of the cluster's first silo, ahead of the command's own arguments.</summary>
    public static string[] Args(TestCluster cluster, params string[] args) => ["--gateway", cluster.Silos[0].Gateway, .. args];
}
