using Recsys.Runtime.Testing;
using Recsys.Runtime.Tests.Grains;
using Recsys.Runtime.Tests.Support;

namespace Recsys.Runtime.Tests;

[Trait("Category", "BVT")]
[Trait("Area", "Timers")]
public sealed class TimerTests
{
    [Fact]
    public async Task ATimerTicksOnItsPeriodUntilStopped()
    {
        var time = new ManualTimeProvider();
        await using var cluster = await OneSilo.StartAsync(time);
        var key = OneSilo.UniqueLong();
        var grain = cluster.GrainFactory.GetGrain<ITimerGrain>(key);
        await grain.Start(TimeSpan.FromSeconds(10), keepAlive: false);

        time.Advance(TimeSpan.FromSeconds(10));
        await Probe.WhenSignalled($"timer:{key}:1");
        Assert.Equal(1, await grain.Ticks()); // also: the tick's turn has finished and the timer is re-armed

        time.Advance(TimeSpan.FromSeconds(10));
        await Probe.WhenSignalled($"timer:{key}:2");
        await grain.StopTimer();
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(2, await grain.Ticks());
    }

    [Fact]
    public async Task ATimerTickWaitsForTheRunningRequestLikeAnyTurn()
    {
        var time = new ManualTimeProvider();
        await using var cluster = await OneSilo.StartAsync(time);
        var key = OneSilo.UniqueLong();
        var gate = OneSilo.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<ITimerGrain>(key);
        await grain.Start(TimeSpan.FromSeconds(10), keepAlive: false);

        var held = grain.Hold(gate);
        await Probe.WhenSignalled("timer-hold:" + gate);
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(1, cluster.GetActivation(grain.GetGrainId())!.WaitingRequests);
        Probe.Open(gate);
        await held;
        await Probe.WhenSignalled($"timer:{key}:1");
    }
}
