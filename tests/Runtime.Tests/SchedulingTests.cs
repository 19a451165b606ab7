using Microsoft.Extensions.DependencyInjection;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Hosting;
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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AFanOutOfCallsFromAGrainGivesTheSameAnswersWithOrWithoutPrefetchAndLeavesNoQueueLinks(bool prefetch)
    {
        await using var cluster = await OneSilo.StartAsync(configure: silo =>
        {
            silo.AddMemoryGrainStorage();
            silo.UseMemoryReminders();
            silo.Configure<SchedulingOptions>(o => o.PrefetchNextTurns = prefetch);
        });
        var firstKey = OneSilo.UniqueLong() / 2;
        var caller = cluster.GrainFactory.GetGrain<ICallerGrain>(OneSilo.UniqueLong());

        // Queued from the caller's pool thread, the counters' turns are chained as that thread's local queue runs them.
        Assert.Equal(2_000, await caller.IncrementAll(firstKey, 2_000));
        Assert.Equal(4_000, await caller.IncrementAll(firstKey, 2_000));

        var activations = cluster.Services.GetRequiredService<Catalog.Catalog>().Activations.ToList();
        Assert.True(activations.Count > 2_000);
        Assert.All(activations, a => Assert.False(a.IsLinkedInQueue, $"{a.GrainId} still links to another queued activation"));
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
