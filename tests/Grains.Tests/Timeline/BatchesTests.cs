using Recsys.Grains.Timeline.Hydrators;

namespace Recsys.Grains.Tests.Timeline;

/// <summary>The hydrators' batched calls: every item answered in its place, a failure only costs its own item.</summary>
[Trait("Category", "BVT")]
[Trait("Area", "Timeline")]
public sealed class BatchesTests
{
    [Fact]
    public async Task EachItemGetsItsOwnAnswerAndAFailedCallOnlyItsDefault()
    {
        var items = Enumerable.Range(0, 10).ToArray();
        var late = new TaskCompletionSource<string>();

        var pending = Batches.SelectAsync(items, batchSize: 3, batchesInFlight: 2, i => i switch
        {
            2 => throw new InvalidOperationException("thrown before a task"),
            5 => Task.FromException<string>(new InvalidOperationException("faulted")),
            7 => late.Task,
            _ => Task.FromResult($"item {i}"),
        }, CancellationToken.None);
        Assert.False(pending.IsCompleted);
        late.SetException(new TimeoutException("late and failed"));
        var results = await pending;

        Assert.Equal(new[] { "item 0", "item 1", null, "item 3", "item 4", null, "item 6", null, "item 8", "item 9" }, results.AsEnumerable());
    }

    [Fact]
    public async Task NoMoreCallsStartThanTheBatchesInFlightHold()
    {
        var started = 0;
        var gate = new SemaphoreSlim(0);
        var run = Batches.SelectAsync(Enumerable.Range(0, 20).ToArray(), batchSize: 4, batchesInFlight: 2, async i =>
        {
            Interlocked.Increment(ref started);
            await gate.WaitAsync();
            return i;
        }, CancellationToken.None);

        Assert.Equal(8, Volatile.Read(ref started)); // two batches of four, then every call waits at the gate
        gate.Release(20);
        Assert.Equal(Enumerable.Range(0, 20).Cast<int?>(), (await run).Cast<int?>());
        Assert.Equal(20, started);
    }
}
