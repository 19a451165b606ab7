using Recsys.Runtime.Tests.Grains;
using Recsys.Runtime.Tests.Support;

namespace Recsys.Runtime.Tests;

[Trait("Category", "BVT")]
[Trait("Area", "StatelessWorker")]
public sealed class StatelessWorkerTests
{
    [Fact]
    public async Task BusyWorkersGrowThePoolOnlyUpToItsLimit()
    {
        await using var cluster = await OneSilo.StartAsync();
        var gate = OneSilo.UniqueKey();
        var worker = cluster.GrainFactory.GetGrain<IWorkerGrain>(0);

        var calls = Enumerable.Range(0, 6).Select(_ => worker.HoldAndReportActivation(gate)).ToArray();
        await Probe.WhenSignalled($"worker-running:{gate}:2");
        Assert.Equal(2, Probe.Count("worker-running:" + gate));

        Probe.Open(gate);
        var activations = await Task.WhenAll(calls);

        Assert.Equal(2, activations.Distinct().Count());
        Assert.Equal(6, Probe.Count("worker-running:" + gate));
    }
}
