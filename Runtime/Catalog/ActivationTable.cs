namespace Recsys.Runtime.Catalog;

/// <summary>
/// The catalog's targets by grain id: one array of (hash, target) slots, probed linearly from the id's hash. A lookup
/// takes no lock and reads one slot, then the target itself, whose own id confirms the match (issue 6: the
/// ConcurrentDictionary before read a bucket, then a node object, then the target: three cache misses on a random
/// one of 200,000 grains per call routed, 8 % of the ingest profile). Changes take a lock; a table grown or swept of
/// removed slots is published whole, so a reader sees either the old array or the new one.
/// </summary>
/// <remarks>
/// A reader on an array just replaced may miss a target added since (the caller then takes the locked path, which
/// finds it) or find one removed since (its queue refuses the call once it is gone, and the caller looks again).
/// </remarks>
internal sealed class ActivationTable
{
    private const int InitialCapacity = 64;

    // Marks a slot whose target was removed: probes go on past it, and an insert may reuse it.
    private static readonly ActivationTarget Removed = new RemovedTarget();

    private readonly object _lock = new();
    private Slot[] _slots = new Slot[InitialCapacity];
    private int _count;
    private int _occupied; // live and removed slots: at most half the array, so every probe meets an empty slot

    public int Count => Volatile.Read(ref _count);

    /// <summary>The target registered for the id, or null.</summary>
    public ActivationTarget? Find(GrainId grainId) => Find(Volatile.Read(ref _slots), grainId);

    /// <summary>The target already registered for <paramref name="candidate"/>'s id, else <paramref name="candidate"/>, now registered.</summary>
    public ActivationTarget GetOrAdd(ActivationTarget candidate)
    {
        lock (_lock)
        {
            if (Find(_slots, candidate.GrainId) is { } existing)
            {
                return existing;
            }

            if ((_occupied + 1) * 2 > _slots.Length)
            {
                Rebuild(_count + 1);
            }

            var index = Place(_slots, candidate);
            _occupied += _slots[index].Target is null ? 1 : 0;
            _slots[index].Hash = candidate.GrainId.GetHashCode();
            Volatile.Write(ref _slots[index].Target, candidate); // after the hash: a reader that sees the target sees its hash
            _count++;
            return candidate;
        }
    }

    /// <summary>Removes the id's entry if it is still <paramref name="target"/>; false otherwise.</summary>
    public bool TryRemove(ActivationTarget target)
    {
        lock (_lock)
        {
            var slots = _slots;
            var mask = slots.Length - 1;
            for (var i = Home(target.GrainId.GetHashCode(), mask); slots[i].Target is { } current; i = (i + 1) & mask)
            {
                if (ReferenceEquals(current, target))
                {
                    Volatile.Write(ref slots[i].Target, Removed);
                    _count--;
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Forgets every target.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            Volatile.Write(ref _slots, new Slot[InitialCapacity]);
            (_count, _occupied) = (0, 0);
        }
    }

    /// <summary>Every target registered when the walk reaches its slot; takes no lock and copies nothing.</summary>
    public IEnumerable<ActivationTarget> Targets
    {
        get
        {
            var slots = Volatile.Read(ref _slots);
            for (var i = 0; i < slots.Length; i++)
            {
                if (Volatile.Read(ref slots[i].Target) is { } target && !ReferenceEquals(target, Removed))
                {
                    yield return target;
                }
            }
        }
    }

    private static ActivationTarget? Find(Slot[] slots, GrainId grainId)
    {
        var hash = grainId.GetHashCode();
        var mask = slots.Length - 1;
        for (var i = Home(hash, mask); ; i = (i + 1) & mask)
        {
            var target = Volatile.Read(ref slots[i].Target);
            if (target is null)
            {
                return null;
            }

            if (slots[i].Hash == hash && target.GrainId.Equals(grainId))
            {
                return target;
            }
        }
    }

    // The first empty or removed slot on the candidate's probe path (the caller checked that its id is absent).
    private static int Place(Slot[] slots, ActivationTarget candidate)
    {
        var mask = slots.Length - 1;
        var i = Home(candidate.GrainId.GetHashCode(), mask);
        while (slots[i].Target is { } taken && !ReferenceEquals(taken, Removed))
        {
            i = (i + 1) & mask;
        }

        return i;
    }

    // Copies the live targets into an array at most a quarter full once they and the one to come are in, dropping the
    // removed slots, and publishes it.
    private void Rebuild(int live)
    {
        var capacity = InitialCapacity;
        while (capacity < live * 4)
        {
            capacity *= 2;
        }

        var rebuilt = new Slot[capacity];
        foreach (var slot in _slots)
        {
            if (slot.Target is { } target && !ReferenceEquals(target, Removed))
            {
                rebuilt[Place(rebuilt, target)] = slot;
            }
        }

        _occupied = _count;
        Volatile.Write(ref _slots, rebuilt);
    }

    // A grain id's hash is HashCode.Combine's, mixed in every bit, so its low bits serve as the index.
    private static int Home(int hash, int mask) => hash & mask;

    private struct Slot
    {
        public int Hash;
        public ActivationTarget? Target;
    }

    private sealed class RemovedTarget() : ActivationTarget(default)
    {
        public override IEnumerable<ActivationData> Activations => [];

        public override bool TryEnqueue(Invocation.Invokable request) => false;
    }
}
