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
/// a lane holding one whole segment sends that segment's own list instead of a copy, and a lane is one object that
/// waits for its send through a cached continuation instead of an async method's state machine. That continuation
/// runs where the send completed (no grain context): it only completes waiters and starts the next send.
/// A lane whose queue ran dry goes back to a small free list (with its continuation) for the next key, and the lanes
/// an enqueue started are chained through the lanes themselves: with random targets nearly every event starts lanes,
/// and the lane, its continuation and the list of started lanes were 12% of the ingest bench's allocations.
/// </remarks>
public sealed class Coalescer<TKey, TItem>
    where TKey : notnull
{
    // Free lanes kept for reuse (ours): enough for the lanes of the batches in flight (four batches of 5,000 events
    // start ~10,000 lanes per User worker), about 2 MB at most.
    private const int MaxFreeLanes = 16_384;

    private readonly object _lock = new();
    private readonly Dictionary<TKey, Lane> _lanes = [];
    private readonly Stack<Lane> _free = new();
    private readonly Stack<Segment> _freeSegments = new();
    private readonly Func<TKey, IReadOnlyList<TItem>, ValueTask> _send;
    private readonly int _maxBatch;

    public Coalescer(Func<TKey, IReadOnlyList<TItem>, ValueTask> send, int maxBatch)
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
        Lane? started = null;
        lock (_lock)
        {
            for (var i = 0; i < sources.Count; i++) // by index: foreach over the interface boxes an enumerator
            {
                var source = sources[i];
                var items = itemsOf(source);
                if (items.Count == 0)
                {
                    completion.SegmentSent();
                    continue;
                }

                var key = keyOf(source);
                if (!_lanes.TryGetValue(key, out var lane))
                {
                    lane = _free.Count > 0 ? _free.Pop() : new Lane(this);
                    lane.Key = key;
                    _lanes[key] = lane;
                    lane.NextStarted = started;
                    started = lane;
                }

                var segment = _freeSegments.Count > 0 ? _freeSegments.Pop() : new Segment();
                segment.Items = items;
                segment.Completion = completion;
                lane.Add(segment);
            }
        }

        while (started is not null)
        {
            var lane = started;
            started = lane.NextStarted;
            lane.NextStarted = null; // before its first send: once its queue runs dry it may be reused and chained again
            lane.SendNext();
        }

        return completion.Task;
    }

    // One key's queue of segments and its one send in flight. Segments are touched only under the coalescer's lock;
    // the in-flight fields only by the lane's single sender (one send at a time).
    private sealed class Lane(Coalescer<TKey, TItem> owner)
    {
        private Segment? _first;
        private Queue<Segment>? _more;
        private Segment? _single;
        private List<Segment>? _completed;
        private Segment? _partial;
        private ValueTask _sending;
        private Action? _onSent;

        public TKey Key { get; set; } = default!;

        /// <summary>The next lane the same enqueue started (only until the enqueue starts them).</summary>
        public Lane? NextStarted { get; set; }

        public void Add(Segment segment)
        {
            if (_first is null)
            {
                _first = segment;
            }
            else
            {
                (_more ??= new Queue<Segment>()).Enqueue(segment);
            }
        }

        /// <summary>Sends batches until one is pending (then its completion continues) or the lane is empty (then it is gone).</summary>
        public void SendNext()
        {
            while (true)
            {
                IReadOnlyList<TItem> items;
                lock (owner._lock)
                {
                    ReleaseSent();
                    if (_first is null)
                    {
                        owner._lanes.Remove(Key);
                        Key = default!;
                        if (owner._free.Count < MaxFreeLanes)
                        {
                            owner._free.Push(this); // nothing touches this lane after this return
                        }

                        return;
                    }

                    items = TakeBatch();
                }

                ValueTask sending;
                try
                {
                    sending = owner._send(Key, items);
                }
                catch (Exception exception)
                {
                    Failed(exception);
                    continue;
                }

                if (!sending.IsCompleted)
                {
                    _sending = sending;
                    sending.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onSent ??= OnSent);
                    return;
                }

                Finish(sending);
            }
        }

        // Under the lock: the segments of the last send are done (their completions were told), so they are reused.
        private void ReleaseSent()
        {
            owner.Release(_single);
            if (_completed is not null)
            {
                foreach (var segment in _completed)
                {
                    owner.Release(segment);
                }
            }

            (_single, _completed, _partial) = (null, null, null);
        }

        private void OnSent()
        {
            var sent = _sending;
            _sending = default;
            Finish(sent);
            SendNext();
        }

        // Reads the send's outcome, once (a ValueTask may be backed by a source that allows one read).
        private void Finish(ValueTask sent)
        {
            try
            {
                sent.GetAwaiter().GetResult();
            }
            catch (Exception exception)
            {
                Failed(exception);
                return;
            }

            _single?.Completion.SegmentSent();
            _completed?.ForEach(s => s.Completion.SegmentSent());
        }

        private void Failed(Exception exception)
        {
            _single?.Completion.Fail(exception);
            _completed?.ForEach(s => s.Completion.Fail(exception));
            _partial?.Completion.Fail(exception);
        }

        // Under the lock: whole segments (splitting the last if needed) up to the batch size; a lone whole segment is sent as is.
        private IReadOnlyList<TItem> TakeBatch()
        {
            (_single, _completed, _partial) = (null, null, null);
            var first = _first!;
            if (_more is not { Count: > 0 } && first.Offset == 0 && first.Items.Count <= owner._maxBatch)
            {
                _first = null;
                _single = first;
                return first.Items;
            }

            var items = new List<TItem>(Math.Min(owner._maxBatch, first.Items.Count - first.Offset));
            _completed = [];
            while (items.Count < owner._maxBatch && _first is { } segment)
            {
                var take = Math.Min(owner._maxBatch - items.Count, segment.Items.Count - segment.Offset);
                for (var i = 0; i < take; i++)
                {
                    items.Add(segment.Items[segment.Offset + i]);
                }

                segment.Offset += take;
                if (segment.Offset == segment.Items.Count)
                {
                    _completed.Add(segment);
                    _first = _more is { Count: > 0 } ? _more.Dequeue() : null;
                }
                else
                {
                    _partial = segment;
                }
            }

            return items;
        }
    }

    private void Release(Segment? segment)
    {
        if (segment is not null && _freeSegments.Count < MaxFreeLanes)
        {
            (segment.Items, segment.Completion, segment.Offset) = (null!, null!, 0);
            _freeSegments.Push(segment);
        }
    }

    // Reused (issue 6): taken from the free list under the lock, given back under it once its send is done.
    private sealed class Segment
    {
        public IReadOnlyList<TItem> Items { get; set; } = null!;

        public Completion Completion { get; set; } = null!;

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
