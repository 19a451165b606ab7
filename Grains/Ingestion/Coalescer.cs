namespace Recsys.Grains.Ingestion;

/// <summary>
/// Coalesces items bound for the same key: at most one send per key is in flight; items that arrive meanwhile wait
/// and go together in the next send (at most <c>maxBatch</c> items per send). So a hot key receives a few large
/// sends however many small enqueues it gets, and the busier it is the larger they become (group commit). An
/// enqueue completes when all its items were sent, and fails as soon as a send carrying some of them failed.
/// </summary>
/// <remarks>
/// Issue 6: a batch of engagements spread over many grains enqueues about three lanes per event, so the per-lane
/// cost is per-event cost. One completion is shared by all lanes of an enqueue (a countdown, not a task per lane),
/// and a lane holding one whole segment sends that segment's own list instead of a copy.
/// </remarks>
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

    public Task Enqueue(TKey key, IReadOnlyList<TItem> items) => EnqueueAll([(key, items)], static e => e.Item1, static e => e.Item2);

    /// <summary>
    /// Enqueues each source's items under its key; completes when every item was sent, fails when a send carrying
    /// any of them failed.
    /// </summary>
    public Task EnqueueAll<TSource>(IReadOnlyList<TSource> sources, Func<TSource, TKey> keyOf, Func<TSource, IReadOnlyList<TItem>> itemsOf)
    {
        var completion = new Completion(sources.Count);
        List<TKey>? started = null;
        lock (_lock)
        {
            foreach (var source in sources)
            {
                var items = itemsOf(source);
                if (items.Count == 0)
                {
                    completion.SegmentSent();
                    continue;
                }

                var key = keyOf(source);
                if (!_lanes.TryGetValue(key, out var lane))
                {
                    _lanes[key] = lane = new Queue<Segment>(1);
                    (started ??= []).Add(key);
                }

                lane.Enqueue(new Segment(items, completion));
            }
        }

        if (started is not null)
        {
            foreach (var key in started)
            {
                _ = PumpAsync(key);
            }
        }

        return completion.Task;
    }

    private async Task PumpAsync(TKey key)
    {
        while (TakeBatch(key) is { } batch)
        {
            try
            {
                await _send(key, batch.Items);
                batch.Succeeded();
            }
            catch (Exception exception)
            {
                batch.Failed(exception);
            }
        }
    }

    // Takes whole segments (splitting the last if needed) up to the batch size; null, and the lane gone, when empty.
    private Batch? TakeBatch(TKey key)
    {
        lock (_lock)
        {
            var lane = _lanes[key];
            if (lane.Count == 0)
            {
                _lanes.Remove(key);
                return null;
            }

            var first = lane.Peek();
            if (lane.Count == 1 && first.Offset == 0 && first.Items.Count <= _maxBatch)
            {
                lane.Dequeue();
                return new Batch(first.Items, first, null, null);
            }

            var items = new List<TItem>(Math.Min(_maxBatch, first.Items.Count - first.Offset));
            var completed = new List<Segment>();
            Segment? partial = null;
            while (items.Count < _maxBatch && lane.TryPeek(out var segment))
            {
                var take = Math.Min(_maxBatch - items.Count, segment.Items.Count - segment.Offset);
                for (var i = 0; i < take; i++)
                {
                    items.Add(segment.Items[segment.Offset + i]);
                }

                segment.Offset += take;
                if (segment.Offset == segment.Items.Count)
                {
                    completed.Add(lane.Dequeue());
                }
                else
                {
                    partial = segment;
                }
            }

            return new Batch(items, null, completed, partial);
        }
    }

    private sealed class Batch(IReadOnlyList<TItem> items, Segment? single, List<Segment>? completed, Segment? partial)
    {
        public IReadOnlyList<TItem> Items { get; } = items;

        public void Succeeded()
        {
            single?.Completion.SegmentSent();
            completed?.ForEach(s => s.Completion.SegmentSent());
        }

        public void Failed(Exception exception)
        {
            single?.Completion.Fail(exception);
            completed?.ForEach(s => s.Completion.Fail(exception));
            partial?.Completion.Fail(exception);
        }
    }

    private sealed class Segment(IReadOnlyList<TItem> items, Completion completion)
    {
        public IReadOnlyList<TItem> Items { get; } = items;

        public Completion Completion { get; } = completion;

        public int Offset { get; set; }
    }

    // One enqueue's outcome: done when its last segment was sent, failed at the first failed send among them.
    private sealed class Completion
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _remaining;

        public Completion(int segments)
        {
            _remaining = segments;
            if (segments == 0)
            {
                _done.TrySetResult();
            }
        }

        public Task Task => _done.Task;

        public void SegmentSent()
        {
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _done.TrySetResult();
            }
        }

        public void Fail(Exception exception) => _done.TrySetException(exception);
    }
}
