using Recsys.Runtime.Tests.Grains;
using Recsys.Runtime.Tests.Support;

namespace Recsys.Runtime.Tests;

[Trait("Category", "BVT")]
[Trait("Area", "Scheduling")]
public sealed class InterleavingTests
{
    [Fact]
    public async Task ANonReentrantGrainQueuesTheNextRequestUntilTheCurrentOneCompletes()
    {
        await using var cluster = await OneSilo.StartAsync();
        var key = OneSilo.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<ISequenceGrain>(key);

        var held = grain.Hold("a");
        await Probe.WhenSignalled(key + ":started:a");
        var quick = grain.Quick("b");

        var snapshot = cluster.GetActivation(grain.GetGrainId())!;
        Assert.Equal(1, snapshot.RunningRequests);
        Assert.Equal(1, snapshot.WaitingRequests);

        Probe.Open(key + ":a");
        await held;
        await quick;
        Assert.Equal(["start a", "end a", "start b", "end b"], await grain.Log());
    }

    [Fact]
    public async Task AReentrantGrainRunsTheNextRequestWhileTheFirstAwaits()
    {
        await using var cluster = await OneSilo.StartAsync();
        var key = OneSilo.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<IReentrantSequenceGrain>(key);

        var held = grain.Hold("a");
        await Probe.WhenSignalled(key + ":started:a");
        await grain.Quick("b");

        Assert.Equal(["start a", "start b", "end b"], await grain.Log());
        Probe.Open(key + ":a");
        await held;
        Assert.Equal("end a", (await grain.Log())[^1]);
    }

    [Fact]
    public async Task ReadOnlyRequestsInterleaveWithEachOtherButNotWithAWrite()
    {
        await using var cluster = await OneSilo.StartAsync();
        var key = OneSilo.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<ISequenceGrain>(key);

        var first = grain.ReadHold("r1");
        await Probe.WhenSignalled(key + ":started:r1");
        var second = grain.ReadHold("r2");
        await Probe.WhenSignalled(key + ":started:r2");
        var write = grain.Quick("w");

        var snapshot = cluster.GetActivation(grain.GetGrainId())!;
        Assert.Equal(2, snapshot.RunningRequests);
        Assert.Equal(1, snapshot.WaitingRequests);

        Probe.Open(key + ":r1");
        Probe.Open(key + ":r2");
        await Task.WhenAll(first, second, write);
        var log = await grain.Log();
        Assert.Equal(["start r1", "start r2"], log[..2]);
        Assert.Equal(["start w", "end w"], log[^2..]);
    }

    [Fact]
    public async Task AnAlwaysInterleaveMethodRunsWhileANonReentrantRequestAwaits()
    {
        await using var cluster = await OneSilo.StartAsync();
        var key = OneSilo.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<ISequenceGrain>(key);

        var held = grain.Hold("a");
        await Probe.WhenSignalled(key + ":started:a");

        Assert.Equal(["start a"], await grain.Log());
        Probe.Open(key + ":a");
        await held;
    }
}
