using Recsys.Runtime.Testing;
using Recsys.Runtime.Tests.Grains;
using Recsys.Runtime.Tests.Support;

namespace Recsys.Runtime.Tests;

[Trait("Category", "BVT")]
[Trait("Area", "Reminders")]
public sealed class ReminderTests
{
    [Fact]
    public async Task AReminderTicksEveryPeriod()
    {
        var time = new ManualTimeProvider();
        await using var cluster = await OneSilo.StartAsync(time);
        var key = OneSilo.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<IReminderTestGrain>(key);
        await grain.Register("daily", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));

        // each step lands exactly on a tick, so no tick's call is still in flight while fake time races past its deadline
        time.Advance(TimeSpan.FromMinutes(1));
        await Probe.WhenSignalled($"reminder:{key}:daily:1");
        for (var tick = 2; tick <= 4; tick++)
        {
            time.Advance(TimeSpan.FromMinutes(5));
            await Probe.WhenSignalled($"reminder:{key}:daily:{tick}");
        }

        Assert.Equal(4, Probe.Count($"reminder:{key}:daily"));
        Assert.Equal(["daily"], await grain.Reminders());
    }

    [Fact]
    public async Task APeriodBelowOneMinuteIsRefused()
    {
        await using var cluster = await OneSilo.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<IReminderTestGrain>(OneSilo.UniqueKey());

        var refused = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.Register("fast", TimeSpan.Zero, TimeSpan.FromSeconds(10)));
        Assert.Contains("timer", refused.Message);
    }

    [Fact]
    public async Task AnUnregisteredReminderStopsTicking()
    {
        var time = new ManualTimeProvider();
        await using var cluster = await OneSilo.StartAsync(time);
        var key = OneSilo.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<IReminderTestGrain>(key);
        await grain.Register("once", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        time.Advance(TimeSpan.FromMinutes(1));
        await Probe.WhenSignalled($"reminder:{key}:once:1");

        await grain.Unregister("once");
        time.Advance(TimeSpan.FromMinutes(10));

        Assert.Empty(await grain.Reminders());
        Assert.Equal(1, Probe.Count($"reminder:{key}:once"));
    }
}
