using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Recsys.Runtime.Metrics;
using Recsys.Runtime.Tests.Grains;
using Recsys.Runtime.Tests.Support;

namespace Recsys.Runtime.Tests;

[Trait("Category", "BVT")]
[Trait("Area", "Metrics")]
public sealed class MetricsTests
{
    [Fact]
    public async Task CallsAndErrorsAreCountedPerGrainTypeAndMethod()
    {
        await using var cluster = await OneSilo.StartAsync();
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(OneSilo.UniqueLong());

        for (var i = 0; i < 3; i++)
        {
            await counter.Increment();
        }

        await Assert.ThrowsAsync<ArgumentException>(() => counter.Throw("x"));

        var statistics = cluster.Silo.GetMethodStatistics();
        var increments = Assert.Single(statistics, s => s.GrainType == "counter" && s.Method == "ICounterGrain.Increment");
        var throws = Assert.Single(statistics, s => s.GrainType == "counter" && s.Method == "ICounterGrain.Throw");
        Assert.Equal(3, increments.Calls);
        Assert.Equal(0, increments.Errors);
        Assert.Equal(1, throws.Errors);
        Assert.True(increments.P99Microseconds >= increments.P50Microseconds);
    }

    [Fact]
    public async Task TheMeterPublishesCallsErrorsAndDurationsWithTypeAndMethodTags()
    {
        var seen = new ConcurrentBag<(string Instrument, string? Method)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GrainCallMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => seen.Add((instrument.Name, MethodOf(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => seen.Add((instrument.Name, MethodOf(tags))));
        listener.Start();

        await using var cluster = await OneSilo.StartAsync();
        var counter = cluster.GrainFactory.GetGrain<ICounterGrain>(OneSilo.UniqueLong());
        await counter.Increment();
        await Assert.ThrowsAsync<ArgumentException>(() => counter.Throw("x"));

        Assert.Contains(("recsys.grain.calls", "ICounterGrain.Increment"), seen);
        Assert.Contains(("recsys.grain.call.duration", "ICounterGrain.Increment"), seen);
        Assert.Contains(("recsys.grain.errors", "ICounterGrain.Throw"), seen);
    }

    private static string? MethodOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "grain.method")
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
