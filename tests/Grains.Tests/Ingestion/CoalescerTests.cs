using Recsys.Grains.Ingestion;

namespace Recsys.Grains.Tests.Ingestion;

[Trait("Category", "BVT")]
[Trait("Area", "Ingestion")]
public sealed class CoalescerTests
{
    [Fact]
    public async Task Items_arriving_while_a_send_is_in_flight_go_together_in_the_next_send_within_the_batch_size()
    {
        var gate = new TaskCompletionSource();
        var sends = new List<int[]>();
        var coalescer = new Coalescer<string, int>(async (_, items) =>
        {
            lock (sends)
            {
                sends.Add(items.ToArray());
            }

            if (sends.Count == 1)
            {
                await gate.Task;
            }
        }, maxBatch: 4);

        var first = coalescer.Enqueue("post", [1]);
        var waiting = Enumerable.Range(2, 9).Select(i => coalescer.Enqueue("post", [i])).ToArray();
        var other = coalescer.Enqueue("other", [100]);
        await other;
        gate.SetResult();
        await Task.WhenAll(waiting.Append(first));

        Assert.Equal([[1], [100], [2, 3, 4, 5], [6, 7, 8, 9], [10]], sends.Select(s => s.ToArray()));
    }

    [Fact]
    public async Task A_failed_send_fails_the_enqueues_it_carried_and_the_next_ones_still_go()
    {
        var calls = 0;
        var coalescer = new Coalescer<int, int>((_, _) => ++calls == 1 ? ValueTask.FromException(new InvalidOperationException("down")) : ValueTask.CompletedTask, 10);

        await Assert.ThrowsAsync<InvalidOperationException>(() => coalescer.Enqueue(1, [1, 2]));
        await coalescer.Enqueue(1, [3]);

        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task An_enqueue_of_many_keys_completes_once_every_key_was_sent()
    {
        var gates = new Dictionary<int, TaskCompletionSource> { [1] = new(), [2] = new() };
        var coalescer = new Coalescer<int, int>((key, _) => new ValueTask(gates[key].Task), 10);

        var all = coalescer.EnqueueAll<(int Key, int[] Items)>([(1, [1]), (2, [2, 3]), (1, [4])], static s => s.Key, static s => s.Items);
        gates[1].SetResult();
        await Task.Yield();
        Assert.False(all.IsCompleted);

        gates[2].SetResult();
        await all;
    }

    [Fact]
    public async Task An_enqueue_of_many_keys_fails_when_one_key_fails_and_the_others_are_still_sent()
    {
        var sent = new List<int>();
        var coalescer = new Coalescer<int, int>((key, items) =>
        {
            lock (sent)
            {
                sent.AddRange(items);
            }

            return key == 2 ? ValueTask.FromException(new InvalidOperationException("down")) : ValueTask.CompletedTask;
        }, 10);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            coalescer.EnqueueAll<(int Key, int[] Items)>([(1, [1]), (2, [2]), (3, [3])], static s => s.Key, static s => s.Items));

        Assert.Equal([1, 2, 3], sent.Order());
    }

    [Fact]
    public async Task An_empty_enqueue_completes_at_once()
    {
        var coalescer = new Coalescer<int, int>((_, _) => throw new InvalidOperationException("never sent"), 10);

        await coalescer.EnqueueAll<(int Key, int[] Items)>([], static s => s.Key, static s => s.Items);
        await coalescer.EnqueueAll<(int Key, int[] Items)>([(1, [])], static s => s.Key, static s => s.Items);
    }
}
