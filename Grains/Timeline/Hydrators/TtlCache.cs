using System.Collections.Concurrent;

namespace Recsys.Grains.Timeline.Hydrators;

/// <summary>
/// A silo-local cache of grain answers that are the same for every viewer, each kept for a short time (home-mixer
/// hydrates from caches and stores, not from each tweet's owner). A time to live of zero turns it off. When it
/// holds more than its capacity, expired entries go first, then arbitrary ones, down to three quarters.
/// </summary>
public sealed class TtlCache<TKey, TValue>(TimeProvider time, Func<TimeSpan> ttl, Func<int> capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, long ExpiresAt)> _entries = new();
    private int _count;
    private int _trimming;

    /// <summary>The clock the entries expire by, in ticks: read once, then passed to <see cref="TryGet(TKey, long, out TValue)"/> for a batch of lookups.</summary>
    public long NowTicks => time.GetUtcNow().UtcTicks;

    public bool TryGet(TKey key, out TValue value) => TryGet(key, NowTicks, out value);

    /// <summary>A lookup as of <paramref name="nowTicks"/> (<see cref="NowTicks"/> read once for many lookups).</summary>
    public bool TryGet(TKey key, long nowTicks, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.ExpiresAt > nowTicks)
        {
            value = entry.Value;
            return true;
        }

        value = default!;
        return false;
    }

    public void Set(TKey key, TValue value)
    {
        var life = ttl();
        if (life <= TimeSpan.Zero)
        {
            return;
        }

        var added = false;
        _entries.AddOrUpdate(key, _ => { added = true; return (value, time.GetUtcNow().UtcTicks + life.Ticks); }, (_, _) => (value, time.GetUtcNow().UtcTicks + life.Ticks));
        if (added && Interlocked.Increment(ref _count) > capacity())
        {
            Trim();
        }
    }

    private void Trim()
    {
        if (Interlocked.Exchange(ref _trimming, 1) == 1)
        {
            return;
        }

        try
        {
            var now = time.GetUtcNow().UtcTicks;
            var target = capacity() * 3 / 4;
            foreach (var (key, entry) in _entries)
            {
                if ((entry.ExpiresAt <= now || _count > target) && _entries.TryRemove(key, out _))
                {
                    Interlocked.Decrement(ref _count);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _trimming, 0);
        }
    }
}
