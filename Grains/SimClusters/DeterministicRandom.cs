namespace Recsys.Grains.SimClusters;

/// <summary>
/// A small seeded generator (SplitMix64, Steele, Lea and Flood 2014). Our own rather than System.Random so
/// that a seed gives the same communities on every .NET version, and so that a per-key stream
/// (<see cref="ForKey"/>) costs no allocation.
/// </summary>
internal struct DeterministicRandom(ulong state)
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    private ulong _state = state;

    /// <summary>An independent stream for one key (a consumer id, say) under one seed.</summary>
    public static DeterministicRandom ForKey(int seed, long key) => new(Mix((ulong)seed * Golden ^ (ulong)key));

    public ulong NextUInt64()
    {
        _state += Golden;
        return Mix(_state);
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform int in [0, maxExclusive): the top 32 random bits scaled by multiply-high (Lemire 2019).</summary>
    public int NextInt(int maxExclusive) => (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
