using Recsys.Runtime.Testing;
using Recsys.Runtime.Tests.Grains;
using Recsys.Runtime.Tests.Support;

namespace Recsys.Runtime.Tests;

[Trait("Category", "BVT")]
[Trait("Area", "Activation")]
public sealed class IdleCollectionTests
{
    [Fact]
    public async Task AnActivationIdleForFifteenMinutesIsCollected()
    {
        var time = new ManualTimeProvider();
        await using var cluster = await OneSilo.StartAsync(time);
        var key = OneSilo.UniqueLong();
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(key);
        var first = await counter.GetActivationId();

        time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal("Valid", cluster.GetActivation(counter.GetGrainId())?.State);

        time.Advance(TimeSpan.FromMinutes(2));
        await Probe.WhenSignalled($"counter-deactivated:{key}:ActivationIdle");
        Assert.NotEqual(first, await counter.GetActivationId());
    }

    [Fact]
    public async Task ACallResetsTheIdleClock()
    {
        var time = new ManualTimeProvider();
        await using var cluster = await OneSilo.StartAsync(time);
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(OneSilo.UniqueLong());
        await counter.Increment();

        time.Advance(TimeSpan.FromMinutes(10));
        await counter.Increment();
        time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal("Valid", cluster.GetActivation(counter.GetGrainId())?.State);
        Assert.Equal(3, await counter.Increment());
    }

    [Fact]
    public async Task CollectionAgeLimitOnTheClassShortensTheAge()
    {
        var time = new ManualTimeProvider();
        await using var cluster = await OneSilo.StartAsync(time);
        var key = OneSilo.UniqueLong();
        await cluster.GrainFactory.GetGrain<IShortLivedGrain>(key).Touch();

        time.Advance(TimeSpan.FromMinutes(3));

        await Probe.WhenSignalled($"short-deactivated:{key}:ActivationIdle");
    }

    [Fact]
    public async Task ARegisteredTimerNeitherKeepsTheActivationAliveNorOutlivesIt()
    {
        var time = new ManualTimeProvider();
        await using var cluster = await OneSilo.StartAsync(time);
        var key = OneSilo.UniqueLong();
        await cluster.GrainFactory.GetGrain<ITimerGrain>(key).Start(TimeSpan.FromMinutes(30), keepAlive: false);

        time.Advance(TimeSpan.FromMinutes(16));
        await Probe.WhenSignalled($"timer-deactivated:{key}:ActivationIdle");
        time.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(0, await cluster.GrainFactory.GetGrain<ITimerGrain>(key).Ticks());
    }
}
