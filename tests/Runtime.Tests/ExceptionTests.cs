using Recsys.Runtime.Tests.Grains;
using Recsys.Runtime.Tests.Support;

namespace Recsys.Runtime.Tests;

[Trait("Category", "BVT")]
[Trait("Area", "Messaging")]
public sealed class ExceptionTests
{
    [Fact]
    public async Task AnExceptionReachesTheCallerWithItsTypeAndMessage()
    {
        await using var cluster = await OneSilo.StartAsync();
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(OneSilo.UniqueLong());

        var thrown = await Assert.ThrowsAsync<ArgumentException>(() => counter.Throw("bad input"));
        Assert.Equal("bad input", thrown.Message);

        var custom = await Assert.ThrowsAsync<CustomGrainException>(() => counter.ThrowCustom(42));
        Assert.Equal(42, custom.Code);
    }

    [Fact]
    public async Task AnExceptionReachesACallerWaitingOnAValueTask()
    {
        await using var cluster = await OneSilo.StartAsync();
        var ping = cluster.GrainFactory.GetGrain<IPingGrain>(OneSilo.UniqueLong());

        var thrown = await Assert.ThrowsAsync<ArgumentException>(async () => await ping.FailLater("bad value"));

        Assert.Equal("bad value", thrown.Message);
        Assert.Equal(8, await ping.PingLater(8));
    }

    [Fact]
    public async Task AGrainKeepsWorkingAfterAMethodThrows()
    {
        await using var cluster = await OneSilo.StartAsync();
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(OneSilo.UniqueLong());
        await counter.Increment();

        await Assert.ThrowsAsync<ArgumentException>(() => counter.Throw("x"));

        Assert.Equal(2, await counter.Increment());
    }
}
