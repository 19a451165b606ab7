using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Recsys.Grains.Interfaces.Engagements;

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
/// listing an event under a grain reads the entry and the grain's last chunk, not an object between them; the chunks
/// come from one <see cref="SequenceChunks"/>, so the tails make no object per grain.
/// </remarks>
internal sealed class GrainLogTails
{
    private readonly object _lock = new();
    private readonly SequenceChunks _chunks = new();
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

    /// <summary>Chunks holding sequences (each holds up to <see cref="SequenceChunks.Capacity"/>).</summary>
    public int ChunksInUse
    {
        get
        {
            lock (_lock)
            {
                return _chunks.InUse;
            }
        }
    }

    /// <summary>Lists one sequence under one grain.</summary>
    public void Add(LogStream stream, long key, long sequence)
    {
        lock (_lock)
        {
            Append(Of(stream), key, sequence);
        }
    }

    /// <summary>
    /// Lists a batch under the grains its events touch: <paramref name="sequences"/>[i] is event i's, 0 for one not
    /// logged. Sets each listed event's <see cref="PendingEngagement.Predecessors"/>: per grain, the sequence listed
    /// last before it (<see cref="GrainPredecessors.None"/> when none was).
    /// </summary>
    public void AddAll(IReadOnlyList<PendingEngagement> events, long[] sequences)
    {
        lock (_lock)
        {
            for (var i = 0; i < events.Count; i++)
            {
                if (sequences[i] > 0)
                {
                    var pending = events[i];
                    var (e, subject, sequence) = (pending.Event, pending.SubjectId, sequences[i]);
                    var post = e.PostId is { } p ? Append(_posts, p, sequence) : GrainPredecessors.Unknown;
                    var user = Append(_users, e.UserId, sequence);
                    var about = subject is { } s && s != e.UserId ? Append(_users, s, sequence) : GrainPredecessors.Unknown;
                    pending.Predecessors = new GrainPredecessors(post, user, about);
                }
            }
        }
    }

    /// <summary>Takes a batch listed by <see cref="AddAll"/> off again (its transaction did not commit).</summary>
    public void RemoveAll(IReadOnlyList<PendingEngagement> events, long[] sequences)
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
                        Remove(_posts, post, sequences[i]);
                    }

                    Remove(_users, e.UserId, sequences[i]);
                    if (subject is { } s && s != e.UserId)
                    {
                        Remove(_users, s, sequences[i]);
                    }
                }
            }
        }
    }

    /// <summary>The grain's sequences above <paramref name="afterSequence"/>, ascending, at most <paramref name="max"/>.</summary>
    public long[] After(LogStream stream, long key, long afterSequence, int max)
    {
        lock (_lock)
        {
            return Of(stream).TryGetValue(key, out var list) ? list.After(_chunks, afterSequence, max) : [];
        }
    }

    /// <summary>The grain recorded a checkpoint covering everything up to <paramref name="appliedThrough"/>.</summary>
    public void Trim(LogStream stream, long key, long appliedThrough)
    {
        lock (_lock)
        {
            var grains = Of(stream);
            ref var list = ref CollectionsMarshal.GetValueRefOrNullRef(grains, key);
            if (!Unsafe.IsNullRef(ref list) && list.TrimThrough(_chunks, appliedThrough))
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
                var first = list.First(_chunks);
                lowest = lowest is { } l && l <= first ? l : first;
            }

            foreach (var list in _users.Values)
            {
                var first = list.First(_chunks);
                lowest = lowest is { } l && l <= first ? l : first;
            }

            return lowest;
        }
    }

    // Under the lock: lists the sequence and returns the grain's one listed before it.
    private long Append(Dictionary<long, SequenceList> grains, long key, long sequence) => Under(grains, key).Add(_chunks, sequence);

    private void Remove(Dictionary<long, SequenceList> grains, long key, long sequence)
    {
        ref var list = ref CollectionsMarshal.GetValueRefOrNullRef(grains, key);
        if (!Unsafe.IsNullRef(ref list) && list.Remove(_chunks, sequence))
        {
            grains.Remove(key);
        }
    }

    private static ref SequenceList Under(Dictionary<long, SequenceList> grains, long key) =>
        ref CollectionsMarshal.GetValueRefOrAddDefault(grains, key, out _);

    private Dictionary<long, SequenceList> Of(LogStream stream) => stream == LogStream.Post ? _posts : _users;

    // Ascending, without repeats, in a chain of chunks: _skip sequences of the head chunk are trimmed, the tail chunk
    // holds _tailFill, every chunk between is full. Appends are serialized, so a sequence almost always goes at the end;
    // anything else rebuilds the chain. A value holding indices only, so the dictionary's entries hold no reference;
    // only ever changed through a reference into its entry, and a default one is empty.
    private struct SequenceList
    {
        private int _head;
        private int _tail;
        private int _count;
        private byte _skip;
        private byte _tailFill;

        public readonly long First(SequenceChunks chunks) => chunks.Slots(_head)[_skip];

        /// <summary>
        /// Adds the sequence; returns the one listed just before it (<see cref="GrainPredecessors.None"/> when the list
        /// was empty, <see cref="GrainPredecessors.Unknown"/> when the sequence was not the largest, which only a rebuild does).
        /// </summary>
        public long Add(SequenceChunks chunks, long sequence)
        {
            var previous = GrainPredecessors.None;
            if (_count == 0)
            {
                _head = _tail = chunks.Take();
                (_skip, _tailFill) = (0, 0);
            }
            else if (sequence <= (previous = chunks.Slots(_tail)[_tailFill - 1]))
            {
                // Appends and rebuilds list sequences in ascending order; kept sorted whatever the order all the same.
                var items = ToArray(chunks);
                var at = Array.BinarySearch(items, sequence);
                if (at < 0)
                {
                    Rebuild(chunks, [.. items.AsSpan(0, ~at), sequence, .. items.AsSpan(~at)]);
                }

                return GrainPredecessors.Unknown;
            }

            if (_tailFill == SequenceChunks.Capacity)
            {
                var next = chunks.Take();
                chunks.Link(_tail, next);
                (_tail, _tailFill) = (next, 0);
            }

            chunks.Slots(_tail)[_tailFill++] = sequence;
            _count++;
            return previous;
        }

        /// <summary>Removes one sequence; true when none is left.</summary>
        public bool Remove(SequenceChunks chunks, long sequence)
        {
            var items = ToArray(chunks);
            var at = Array.BinarySearch(items, sequence);
            if (at >= 0)
            {
                Rebuild(chunks, [.. items.AsSpan(0, at), .. items.AsSpan(at + 1)]);
            }

            return _count == 0;
        }

        public readonly long[] After(SequenceChunks chunks, long afterSequence, int max)
        {
            var found = new List<long>(Math.Min(max, _count));
            var (chunk, from, left) = (_head, (int)_skip, _count);
            while (left > 0 && found.Count < max)
            {
                var slots = chunks.Slots(chunk).Slice(from, Math.Min(SequenceChunks.Capacity - from, left));
                foreach (var sequence in slots)
                {
                    if (sequence > afterSequence && found.Count < max)
                    {
                        found.Add(sequence);
                    }
                }

                left -= slots.Length;
                (chunk, from) = (chunks.Next(chunk), 0);
            }

            return [.. found];
        }

        /// <summary>Drops every sequence at or below <paramref name="through"/>, freeing emptied chunks; true when none is left.</summary>
        public bool TrimThrough(SequenceChunks chunks, long through)
        {
            while (_count > 0)
            {
                var slots = chunks.Slots(_head);
                var end = _head == _tail ? _tailFill : SequenceChunks.Capacity;
                if (slots[end - 1] <= through)
                {
                    _count -= end - _skip;
                    _head = chunks.FreeOne(_head);
                    _skip = 0;
                    continue;
                }

                while (slots[_skip] <= through)
                {
                    _skip++;
                    _count--;
                }

                break;
            }

            return _count == 0;
        }

        private readonly long[] ToArray(SequenceChunks chunks) => After(chunks, long.MinValue, _count);

        private void Rebuild(SequenceChunks chunks, long[] items)
        {
            if (_count > 0)
            {
                chunks.FreeFrom(_head);
                _count = 0;
            }

            foreach (var sequence in items)
            {
                Add(chunks, sequence);
            }
        }
    }
}
