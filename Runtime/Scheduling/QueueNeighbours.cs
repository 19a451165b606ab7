namespace Recsys.Runtime.Scheduling;

/// <summary>A work item that carries its <see cref="QueueNeighbours{T}"/> in its own fields.</summary>
internal interface IQueueNeighbour<T>
    where T : class, IQueueNeighbour<T>
{
    ref QueueNeighbours<T> Neighbours { get; }
}

/// <summary>
/// Where a work item sits among the items queued on the same thread: the one queued just before it, which that
/// thread runs next (a pool thread pops its local queue newest first), and the one queued just after it, which a
/// thief runs next (other threads steal the oldest first). Hints only, read and written without locks: a wrong one
/// costs a wasted prefetch, never a wrong turn.
/// </summary>
/// <remarks>
/// A link is made only to an item still waiting, and an item drops its own links when its turn starts, so an item
/// that has run is linked to no other and keeps none alive (each thread remembers only the last item it queued, until
/// it queues another). The one race, an item starting its turn while a newer one links to it, is closed by a fence and
/// a second look (<see cref="Queued"/>).
/// </remarks>
internal struct QueueNeighbours<T>
    where T : class, IQueueNeighbour<T>
{
    [ThreadStatic]
    private static T? t_lastQueued;

    private T? _before;
    private T? _after;
    private int _queuedOn;
    private int _waiting; // 1 from queueing until the turn starts

    /// <summary>Whether the item links to any other (false once its turn started).</summary>
    public readonly bool IsLinked => _before is not null || _after is not null;

    /// <summary>Records that <paramref name="item"/> is being queued on the current thread.</summary>
    public static void Queued(T item)
    {
        var before = t_lastQueued;
        if (before is not null && before.Neighbours._waiting == 0)
        {
            before = null; // it has run: no link
        }

        ref var links = ref item.Neighbours;
        (links._before, links._after, links._queuedOn, links._waiting) = (before, null, Environment.CurrentManagedThreadId, 1);
        t_lastQueued = item;
        if (before is not null)
        {
            ref var theirs = ref before.Neighbours;
            theirs._after = item;

            // If its turn started meanwhile, it may already have dropped its links: take this one back.
            Interlocked.MemoryBarrier();
            if (Volatile.Read(ref theirs._waiting) == 0)
            {
                Interlocked.CompareExchange(ref theirs._after, null, item);
            }
        }
    }

    /// <summary>
    /// As <paramref name="item"/>'s turn starts: drops its links and tells which way its thread walks the chain
    /// (<see cref="Next"/>), returning the item the thread will probably run after it.
    /// </summary>
    public static T? Running(T item, out bool owner)
    {
        ref var links = ref item.Neighbours;
        owner = links._queuedOn == Environment.CurrentManagedThreadId;
        var next = owner ? links._before : links._after;
        Interlocked.Exchange(ref links._waiting, 0); // a full fence: seen before the links go, by Queued's second look
        (links._before, links._after) = (null, null);
        if (owner && ReferenceEquals(t_lastQueued, item))
        {
            t_lastQueued = null;
        }

        return next;
    }

    /// <summary>The item probably run after <paramref name="item"/> by a thread walking as <paramref name="owner"/> says.</summary>
    public static T? Next(T item, bool owner)
    {
        ref var links = ref item.Neighbours;
        return owner ? links._before : links._after;
    }
}
