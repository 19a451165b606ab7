namespace Recsys.Grains.Collections;

/// <summary>
/// Makes room in a map capped at a number of entries, before a new key is added: when the map is full, the weakest
/// twentieth of it goes at once (at least one entry).
/// </summary>
/// <remarks>
/// Issue 6: dropping only the single weakest entry scanned the whole map for every new key once a user was at the cap:
/// an engagement cost a user with 2,000 RealGraph edges 283 µs, and one with 200 pair aggregates 24 µs
/// (<c>bench -- user-state</c>, bench/RESULTS.md "Ingestion, thirteenth pass"), where a whole event's budget is 20.
/// Dropping a twentieth makes that one scan per twentieth of new keys. What is dropped is still the weakest, in order; the map then holds a few entries fewer than
/// its cap until new keys fill it again.
/// </remarks>
public static class WeakestEviction
{
    /// <summary>A full map loses 1/<see cref="ShareDenominator"/> of its cap at once.</summary>
    public const int ShareDenominator = 20;

    /// <summary>
    /// When <paramref name="map"/> holds <paramref name="max"/> entries or more, removes the weakest so that it holds
    /// <c>max - max/20</c> less one (never more than <c>max - 1</c>), leaving room for the key about to be added. Weakest
    /// means the smallest <paramref name="strength"/>; the strength should end with the key, so that ties are decided.
    /// </summary>
    public static void MakeRoom<TValue, TStrength>(Dictionary<long, TValue> map, int max, Func<long, TValue, TStrength> strength)
        where TStrength : IComparable<TStrength>
    {
        if (map.Count < max)
        {
            return;
        }

        // the weakest `drop` in one pass: a heap whose top is the strongest of those kept so far
        var drop = map.Count - max + Math.Max(1, max / ShareDenominator);
        var weakest = new PriorityQueue<long, TStrength>(drop, StrongestFirst<TStrength>.Comparer);
        foreach (var (key, value) in map)
        {
            var candidate = strength(key, value);
            if (weakest.Count < drop)
            {
                weakest.Enqueue(key, candidate);
            }
            else if (weakest.TryPeek(out _, out var strongest) && candidate.CompareTo(strongest) < 0)
            {
                weakest.EnqueueDequeue(key, candidate);
            }
        }

        foreach (var (key, _) in weakest.UnorderedItems)
        {
            map.Remove(key);
        }
    }

    private static class StrongestFirst<T>
        where T : IComparable<T>
    {
        public static readonly IComparer<T> Comparer = Comparer<T>.Create(static (a, b) => b.CompareTo(a));
    }
}
