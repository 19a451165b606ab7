using Recsys.Runtime.Tests.Grains;
using Recsys.Runtime.Tests.Support;

namespace Recsys.Runtime.Tests;

[Trait("Category", "BVT")]
[Trait("Area", "Scheduling")]
public sealed class SchedulingTests
{
    [Fact]
    public async Task ACalleeRunsOnItsOwnActivationAndTheCallerResumesOnItsOwn()
    {
        await using var cluster = await OneSilo.StartAsync();
        var counterKey = OneSilo.UniqueLong();
        var caller = cluster.GrainFactory.GetGrain<ICallerGrain>(OneSilo.UniqueLong());

        var contexts = await caller.CallCounter(counterKey);
        var counterOwn = await cluster.GrainFactory.GetGrain<ICounterGrain>(counterKey).GetContextId();

        Assert.NotEqual("none", contexts[0]);
        Assert.NotEqual(contexts[0], contexts[1]);
        Assert.Equal(counterOwn, contexts[1]);
        Assert.Equal(contexts[0], contexts[2]);
    }

    [Fact]
    public async Task AnExternalCallerNeverRunsOnAGrainsContext()
    {
        await using var cluster = await OneSilo.StartAsync();
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(OneSilo.UniqueLong());

        for (var i = 0; i < 100; i++)
        {
            await counter.Increment();
            Assert.Null(SynchronizationContext.Current);
        }
    }
}
