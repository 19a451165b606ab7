using Recsys.Runtime.Testing;
using Recsys.Runtime.Tests.Grains;
using Recsys.Runtime.Tests.Support;

namespace Recsys.Runtime.Tests;

[Trait("Category", "BVT")]
[Trait("Area", "Messaging")]
public sealed class TimeoutTests
{
    [Fact]
    public async Task ACallThatOutlivesTheResponseTimeoutFailsNamingGrainAndMethod()
    {
        var time = new ManualTimeProvider();
        await using var cluster = await OneSilo.StartAsync(time);
        var key = OneSilo.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<ISequenceGrain>(key);

        var held = grain.Hold("stuck");
        await Probe.WhenSignalled(key + ":started:stuck");
        var queued = grain.Quick("late");

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(held.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => held);
        Assert.Contains("sequence/" + key, timeout.Message);
        Assert.Contains("ISequence.Hold", timeout.Message);
        await Assert.ThrowsAsync<TimeoutException>(() => queued);

        // at most once: the expired queued call is dropped, never run
        Probe.Open(key + ":stuck");
        await grain.Quick("after");
        Assert.Equal(["start stuck", "end stuck", "start after", "end after"], await grain.Log());
    }
}
