using System.Diagnostics;
using Recsys.Cluster.Tests.Grains;
using Recsys.Cluster.Tests.Support;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Membership;
using Recsys.Runtime.Testing;
using Xunit.Abstractions;

namespace Recsys.Cluster.Tests;

[Trait("Category", "Functional")]
[Trait("Area", "Membership")]
public sealed class FailureDetectionTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Probe = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task AKilledSilosGrainsAnswerAgainWithTheirAcknowledgedStateOnceItIsDeclaredDead()
    {
        await using var cluster = await ThreeSilos.StartAsync(configure: FastDetection);
        var keys = Enumerable.Range(0, 40).Select(_ => ThreeSilos.UniqueKey()).ToList();
        var acknowledged = await Task.WhenAll(keys.Select(k => cluster.GrainFactory.GetGrain<IAccountGrain>(k).Deposit(7)));
        var victim = cluster.Silos[2];
        Assert.Contains(acknowledged, d => d.Silo == victim.Address.ToString());
        var dead = WhenDead(cluster.Silos[0], victim.Address);

        var clock = Stopwatch.StartNew();
        await cluster.KillSiloAsync(victim);
        await dead.WaitAsync(TimeSpan.FromSeconds(60));
        output.WriteLine($"declared dead {clock.ElapsedMilliseconds} ms after the kill (probe {Probe.TotalMilliseconds} ms x {ClusterMembershipOptions.DefaultNumMissedProbesLimit} misses)");

        var after = await Task.WhenAll(keys.Select(k => cluster.Silos[0].GrainFactory.GetGrain<IAccountGrain>(k).Balance()));
        Assert.All(after, balance => Assert.Equal(7, balance));
        output.WriteLine($"every grain answered {clock.ElapsedMilliseconds} ms after the kill");
    }

    [Fact]
    public async Task ASiloCutOffFromItsPeersIsVotedDeadAndStopsItself()
    {
        await using var cluster = await ThreeSilos.StartAsync(configure: FastDetection);
        var (observer, isolated, bystander) = (cluster.Silos[0], cluster.Silos[1], cluster.Silos[2]);
        var dead = WhenDead(observer, isolated.Address);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        isolated.Stopped.Register(() => stopped.TrySetResult());

        isolated.Isolate();

        await dead.WaitAsync(TimeSpan.FromSeconds(60));
        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(2, observer.Membership.Current.ActiveSilos.Count);
        Assert.Equal(SiloStatus.Active, observer.Membership.Current.StatusOf(bystander.Address));
        Assert.Equal(1, (await bystander.GrainFactory.GetGrain<IAccountGrain>(ThreeSilos.UniqueKey()).Deposit(1)).Balance);
    }

    internal static void FastDetection(SiloBuilder silo) => silo.Configure<ClusterMembershipOptions>(o =>
    {
        o.ProbeTimeout = Probe;
        o.TableRefreshTimeout = TimeSpan.FromSeconds(1);
    });

    internal static Task WhenDead(TestSilo observer, SiloAddress silo)
    {
        var dead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        observer.Membership.Subscribe(snapshot =>
        {
            if (snapshot.StatusOf(silo) == SiloStatus.Dead)
            {
                dead.TrySetResult();
            }
        });
        return dead.Task;
    }
}
