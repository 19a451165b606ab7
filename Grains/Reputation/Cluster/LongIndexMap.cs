using System.Runtime.CompilerServices;

namespace Recsys.Grains.Reputation.Cluster;

/// <summary>
/// User id → local index for a partition's users: open addressing with linear probing over a power-of-two table at
/// most half full, keys mixed by a Fibonacci multiply. Read-only once built, and about three times faster than a
/// Dictionary on the 20M lookups of a large edge exchange.
/// </summary>
internal sealed class LongIndexMap
{
    private const long Empty = long.MinValue;
    private readonly long[] _keys;
    private readonly int[] _values;
    private readonly int _shift;

    public LongIndexMap(ReadOnlySpan<long> keys)
    {
        var bits = Math.Max(4, 64 - (int)ulong.LeadingZeroCount((ulong)Math.Max(1, keys.Length) * 2 - 1));
        _shift = 64 - bits;
        _keys = new long[1 << bits];
        _values = new int[1 << bits];
        Array.Fill(_keys, Empty);
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] == Empty)
            {
                throw new ArgumentOutOfRangeException(nameof(keys), $"user id {Empty} is reserved.");
            }

            var slot = Slot(keys[i]);
            while (_keys[slot] != Empty)
            {
                if (_keys[slot] == keys[i])
                {
                    throw new ArgumentException($"user {keys[i]} appears twice.", nameof(keys));
                }

                slot = (slot + 1) & (_keys.Length - 1);
            }

            _keys[slot] = keys[i];
            _values[slot] = i;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(long key, out int value)
    {
        var keys = _keys;
        var slot = Slot(key);
        while (true)
        {
            var found = keys[slot];
            if (found == key)
            {
                value = _values[slot];
                return true;
            }

            if (found == Empty)
            {
                value = -1;
                return false;
            }

            slot = (slot + 1) & (keys.Length - 1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);
}
