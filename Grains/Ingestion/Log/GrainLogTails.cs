using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Recsys.Grains.Ingestion.Log;

/// <summary>
/// Per grain, the sequences of the logged events it has not recorded a checkpoint past: what a replay of that grain
/// may still have to read. Each event is listed under every grain it touches (its post, its actor, its subject) from
/// its append until that grain records a checkpoint covering it. Thread-safe.
/// </summary>
/// <remarks>
/// Issue 6: this replaces three indexes of the SQLite log keyed by grain (post, actor, subject). Their keys are random,
/// so each 5,000-event commit rewrote thousands of index pages, and the log's one writer spent more CPU on them than
/// the whole rest of ingestion; yet a grain needs its rows only after a crash or a failed delivery (a checkpoint
/// otherwise finds every listed event applied), and only those above its checkpoint. A sequence list per grain holds
/// exactly those, for the cost of a few dictionary operations. The list is a value inside the dictionary's entry, so
/// listing an event under a grain reads the entry and the grain's array, not an object between them.
/// </remarks>
internal sealed class GrainLogTails
{
    private readonly object _lock = new();
    private readonly Dictionary<long, SequenceList> _posts = [];
    private readonly Dictionary<long, SequenceList> _users = [];

    /// <summary>How many grains hold at least one sequence.</summary>
    public int GrainCount
    {
        get
        {
            lock (_lock)
            {
                return _posts.Count + _users.Count;
            }
        }
    }

    /// <summary>Lists one sequence under one grain.</summary>
    public void Add(LogStream stream, long key, long sequence)
    {
        lock (_lock)
        {
            Under(Of(stream), key).Add(sequence);
        }
    }

    /// <summary>Lists a batch under the grains its events touch: <paramref name="sequences"/>[i] is event i's, 0 for one not logged.</summary>
    public void AddAll(IReadOnlyList<PendingEngagement> events, long[] sequences) =>
        ForEachGrain(events, sequences, static (grains, key, sequence) => Under(grains, key).Add(sequence));

    /// <summary>Takes a batch listed by <see cref="AddAll"/> off again (its transaction did not commit).</summary>
    public void RemoveAll(IReadOnlyList<PendingEngagement> events, long[] sequences) =>
        ForEachGrain(events, sequences, static (grains, key, sequence) =>
        {
            ref var list = ref CollectionsMarshal.GetValueRefOrNullRef(grains, key);
            if (!Unsafe.IsNullRef(ref list) && list.Remove(sequence))
            {
                grains.Remove(key);
            }
        });

    /// <summary>The grain's sequences above <paramref name="afterSequence"/>, ascending, at most <paramref name="max"/>.</summary>
    public long[] After(LogStream stream, long key, long afterSequence, int max)
    {
        lock (_lock)
        {
            return Of(stream).TryGetValue(key, out var list) ? list.After(afterSequence, max) : [];
        }
    }

    /// <summary>The grain recorded a checkpoint covering everything up to <paramref name="appliedThrough"/>.</summary>
    public void Trim(LogStream stream, long key, long appliedThrough)
    {
        lock (_lock)
        {
            var grains = Of(stream);
            ref var list = ref CollectionsMarshal.GetValueRefOrNullRef(grains, key);
            if (!Unsafe.IsNullRef(ref list) && list.TrimThrough(appliedThrough))
            {
                grains.Remove(key);
            }
        }
    }

    /// <summary>The lowest sequence any grain still lists, or null when none does.</summary>
    public long? Lowest()
    {
        lock (_lock)
        {
            long? lowest = null;
            foreach (var list in _posts.Values)
            {
                lowest = lowest is { } l && l <= list.First ? l : list.First;
            }

            foreach (var list in _users.Values)
            {
                lowest = lowest is { } l && l <= list.First ? l : list.First;
            }

            return lowest;
        }
    }

    // Under the lock, once per batch: each logged event's post, actor and subject (when another user).
    private void ForEachGrain(IReadOnlyList<PendingEngagement> events, long[] sequences, Action<Dictionary<long, SequenceList>, long, long> act)
    {
        lock (_lock)
        {
            for (var i = 0; i < events.Count; i++)
            {
                if (sequences[i] > 0)
                {
                    var (e, subject) = (events[i].Event, events[i].SubjectId);
                    if (e.PostId is { } post)
                    {
                        act(_posts, post, sequences[i]);
                    }

                    act(_users, e.UserId, sequences[i]);
                    if (subject is { } s && s != e.UserId)
                    {
                        act(_users, s, sequences[i]);
                    }
                }
            }
        }
    }

    private static ref SequenceList Under(Dictionary<long, SequenceList> grains, long key) =>
        ref CollectionsMarshal.GetValueRefOrAddDefault(grains, key, out _);

    private Dictionary<long, SequenceList> Of(LogStream stream) => stream == LogStream.Post ? _posts : _users;

    // Ascending, without repeats. Appends are serialized, so a sequence almost always goes at the end. A value: only
    // ever changed through a reference into its dictionary entry; a default one is empty.
    private struct SequenceList
    {
        private long[]? _items;
        private int _count;

        public readonly long First => _items![0];

        public void Add(long sequence)
        {
            if (_count > 0 && sequence <= _items![_count - 1])
            {
                // Appends and rebuilds list sequences in ascending order; kept sorted whatever the order all the same.
                var at = Array.BinarySearch(_items!, 0, _count, sequence);
                if (at >= 0)
                {
                    return;
                }

                Insert(~at, sequence);
                return;
            }

            Insert(_count, sequence);
        }

        /// <summary>Removes one sequence; true when none is left.</summary>
        public bool Remove(long sequence)
        {
            var at = Array.BinarySearch(_items!, 0, _count, sequence);
            if (at >= 0)
            {
                Array.Copy(_items!, at + 1, _items!, at, _count - at - 1);
                _count--;
            }

            return _count == 0;
        }

        public readonly long[] After(long afterSequence, int max)
        {
            var from = _count > 0 && _items![0] > afterSequence ? 0 : UpperBound(afterSequence);
            return _items.AsSpan(from, Math.Min(max, _count - from)).ToArray();
        }

        /// <summary>Drops every sequence at or below <paramref name="through"/>; true when none is left.</summary>
        public bool TrimThrough(long through)
        {
            var keep = UpperBound(through);
            if (keep == _count)
            {
                return true;
            }

            Array.Copy(_items!, keep, _items!, 0, _count - keep);
            _count -= keep;
            return false;
        }

        private readonly int UpperBound(long sequence)
        {
            if (_count == 0)
            {
                return 0;
            }

            var at = Array.BinarySearch(_items!, 0, _count, sequence);
            return at >= 0 ? at + 1 : ~at;
        }

        private void Insert(int index, long sequence)
        {
            if (_items is null)
            {
                _items = new long[2];
            }
            else if (_count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            Array.Copy(_items, index, _items, index + 1, _count - index);
            _items[index] = sequence;
            _count++;
        }
    }
}
