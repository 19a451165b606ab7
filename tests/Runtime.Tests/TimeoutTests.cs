using Microsoft.Extensions.DependencyInjection;
using Recsys.Runtime.Catalog;
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
        try
        {
            await Probe.WhenSignalled(key + ":started:stuck");
            var queued = grain.Quick("late");

            time.Advance(TimeSpan.FromSeconds(29));
            Assert.False(held.IsCompleted);
            time.Advance(TimeSpan.FromSeconds(2));

            // The sweep runs inside Advance: checked before awaiting, so a broken sweep fails here instead of hanging.
            Assert.True(held.IsCompleted && queued.IsCompleted, "the sweep failed both calls");
            var timeout = await Assert.ThrowsAsync<TimeoutException>(() => held);
            Assert.Contains("sequence/" + key, timeout.Message);
            Assert.Contains("ISequence.Hold", timeout.Message);
            await Assert.ThrowsAsync<TimeoutException>(() => queued);
        }
        finally
        {
            Probe.Open(key + ":stuck"); // at most once: the expired queued call is dropped, never run
        }

        await grain.Quick("after");
        Assert.Equal(["start stuck", "end stuck", "start after", "end after"], await grain.Log());
    }

    [Fact]
    public async Task TheSweepWatchesOnlyBusyActivationsAndACallAfterAQuietSpellStillTimesOut()
    {
        var time = new ManualTimeProvider();
        await using var cluster = await OneSilo.StartAsync(time);
        var watchList = cluster.Services.GetRequiredService<InFlightWatchList>();
        var key = OneSilo.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<ISequenceGrain>(key);
        await grain.Quick("first");
        for (var i = 0; i < 20; i++)
        {
            await cluster.GrainFactory.GetGrain<ISequenceGrain>(OneSilo.UniqueKey()).Quick("other");
        }

        // Every call answered: one sweep drops all 21 activations from the watch list.
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, watchList.Count);

        // The idle activation joins the list again with its next call, and that call still times out.
        var held = grain.Hold("stuck");
        try
        {
            await Probe.WhenSignalled(key + ":started:stuck");
            Assert.Equal(1, watchList.Count);
            time.Advance(TimeSpan.FromSeconds(31));
            Assert.True(held.IsCompleted, "the sweep in Advance fails the call"); // no await that would hang if it did not
            await Assert.ThrowsAsync<TimeoutException>(() => held);
        }
        finally
        {
            Probe.Open(key + ":stuck"); // a failed assertion must not leave the grain held: the cluster's stop would wait
        }

        await grain.Quick("after");
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, watchList.Count);
    }
}
