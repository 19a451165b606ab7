namespace Recsys.Grains.Ingestion;

/// <summary>
/// Coalesces items bound for the same key: at most one send per key is in flight; items that arrive meanwhile wait
/// and go together in the next send (at most <c>maxBatch</c> items per send). So a hot key receives a few large
/// sends however many small enqueues it gets, and the busier it is the larger they become (group commit). Each
/// enqueue completes when all its items were sent, and fails if a send carrying them failed.
/// </summary>
public sealed class Coalescer<TKey, TItem>
    where TKey : notnull
{
    private readonly object _lock = new();
    private readonly Dictionary<TKey, Queue<Segment>> _lanes = [];
    private readonly Func<TKey, IReadOnlyList<TItem>, Task> _send;
    private readonly int _maxBatch;

    public Coalescer(Func<TKey, IReadOnlyList<TItem>, Task> send, int maxBatch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatch);
        _send = send;
        _maxBatch = maxBatch;
    }

    public Task Enqueue(TKey key, IReadOnlyList<TItem> items)
    {
        if (items.Count == 0)
        {
            return Task.CompletedTask;
        }

        var segment = new Segment(items);
        bool start;
        lock (_lock)
        {
            start = !_lanes.TryGetValue(key, out var lane);
            if (start)
            {
                _lanes[key] = lane = new Queue<Segment>();
            }

            lane!.Enqueue(segment);
        }

        if (start)
        {
            _ = PumpAsync(key);
        }

        return segment.Done.Task;
    }

    private async Task PumpAsync(TKey key)
    {
        while (TakeBatch(key) is { } batch)
        {
            try
            {
                await _send(key, batch.Items);
                batch.Completed.ForEach(s => s.Done.TrySetResult());
            }
            catch (Exception exception)
            {
                batch.Touched.ForEach(s => s.Done.TrySetException(exception));
            }
        }
    }

    // Takes whole segments (splitting the last if needed) up to the batch size; null, and the lane gone, when empty.
    private (List<TItem> Items, List<Segment> Completed, List<Segment> Touched)? TakeBatch(TKey key)
    {
        lock (_lock)
        {
            var lane = _lanes[key];
            if (lane.Count == 0)
            {
                _lanes.Remove(key);
                return null;
            }

            var items = new List<TItem>();
            var completed = new List<Segment>();
            var touched = new List<Segment>();
            while (items.Count < _maxBatch && lane.TryPeek(out var segment))
            {
                var take = Math.Min(_maxBatch - items.Count, segment.Items.Count - segment.Offset);
                for (var i = 0; i < take; i++)
                {
                    items.Add(segment.Items[segment.Offset + i]);
                }

                segment.Offset += take;
                touched.Add(segment);
                if (segment.Offset == segment.Items.Count)
                {
                    completed.Add(lane.Dequeue());
                }
            }

            return (items, completed, touched);
        }
    }

    private sealed class Segment(IReadOnlyList<TItem> items)
    {
        public IReadOnlyList<TItem> Items { get; } = items;

        public int Offset { get; set; }

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
