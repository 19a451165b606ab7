using Recsys.Runtime.Invocation;
using Recsys.Runtime.Tests.Grains;
using Recsys.Runtime.Tests.Support;

namespace Recsys.Runtime.Tests;

[Trait("Category", "BVT")]
[Trait("Area", "Activation")]
public sealed class ActivationTests
{
    [Fact]
    public async Task GettingAReferenceActivatesNothing()
    {
        await using var cluster = await OneSilo.StartAsync();
        var key = OneSilo.UniqueLong();
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(key);

        Assert.Null(cluster.GetActivation(counter.GetGrainId()));
        Assert.Equal(0, Probe.Count("counter-constructed:" + key));

        await counter.Increment();
        Assert.NotNull(cluster.GetActivation(counter.GetGrainId()));
    }

    [Fact]
    public async Task AThousandConcurrentCallsToANewGrainMeetOneActivation()
    {
        await using var cluster = await OneSilo.StartAsync();
        var key = OneSilo.UniqueLong();
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(key);

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => counter.Increment())));

        Assert.Equal(Enumerable.Range(1, 1000), results.Order());
        Assert.Equal(1, Probe.Count("counter-constructed:" + key));
        Assert.Equal(1, Probe.Count("counter-activated:" + key));
        Assert.Single((await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => counter.GetActivationId()))).Distinct());
    }

    [Fact]
    public async Task DeactivateOnIdleRunsTheHookAndTheNextCallMakesANewActivation()
    {
        await using var cluster = await OneSilo.StartAsync();
        var key = OneSilo.UniqueLong();
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(key);
        await counter.Increment();
        var first = await counter.GetActivationId();

        await counter.Deactivate();
        await Probe.WhenSignalled($"counter-deactivated:{key}:ApplicationRequested");

        Assert.NotEqual(first, await counter.GetActivationId());
        Assert.Equal(0, await counter.GetCount());
        Assert.Equal(2, Probe.Count("counter-activated:" + key));
    }

    [Fact]
    public async Task CallsQueuedBehindDeactivateOnIdleAreForwardedToTheNextActivation()
    {
        await using var cluster = await OneSilo.StartAsync();
        var key = OneSilo.UniqueLong();
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(key);
        var first = await counter.GetActivationId();

        var deactivate = counter.Deactivate();
        var queued = Enumerable.Range(0, 20).Select(_ => counter.Increment()).ToArray();
        await deactivate;
        var counts = await Task.WhenAll(queued);

        Assert.All(counts, c => Assert.InRange(c, 1, 20));
        Assert.NotEqual(first, await counter.GetActivationId());
    }

    [Fact]
    public async Task StopDeactivatesEveryActivation()
    {
        var cluster = await OneSilo.StartAsync();
        var key = OneSilo.UniqueLong();
        await cluster.GrainFactory.GetGrain<ICounterGrain>(key).Increment();

        await cluster.StopSiloAsync();

        Assert.Equal(1, Probe.Count("counter-deactivated:" + key));
    }

    [Fact]
    public async Task GeneratedProxiesCarryEveryReturnShape()
    {
        await using var cluster = await OneSilo.StartAsync();
        var ping = cluster.GrainFactory.GetGrain<IPingGrain>(OneSilo.UniqueLong());

        Assert.Equal(5, await ping.Ping(5));
        Assert.Equal(6, await ping.PingValue(6));
        await ping.Nothing();
        Assert.Equal(7, await ping.PingLater(7));
        await ping.NothingLater();

        var methods = GrainInterfaceRegistry.Get(typeof(IPingGrain)).Methods;
        Assert.Equal(["Ping", "PingValue", "Nothing", "PingLater", "NothingLater", "FailLater"], methods.Select(m => m.Name));
        Assert.Equal(methods.Count, methods.Select(m => m.MethodId).Distinct().Count());
    }

    [Fact]
    public async Task ReferencesAreEqualByIdentityAndRoundTripThroughTheirId()
    {
        await using var cluster = await OneSilo.StartAsync();
        var a = cluster.GrainFactory.GetGrain<ICounterGrain>(7);
        var b = cluster.GrainFactory.GetGrain<ICounterGrain>(7);
        var parsed = cluster.GrainFactory.GetGrain<ICounterGrain>(GrainId.Parse(a.GetGrainId().ToString()));

        Assert.Equal(a, b);
        Assert.Equal(a, parsed);
        Assert.Equal(7, parsed.GetPrimaryKeyLong());
        Assert.Equal("counter/7", a.GetGrainId().ToString());
    }
}
