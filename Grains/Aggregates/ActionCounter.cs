using System.Runtime.CompilerServices;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Aggregates;

/// <summary>
/// The counts of one action within a <see cref="RollingAggregate"/>, float32 throughout. <see cref="Decayed"/>
/// holds one value per half-life as of <see cref="DecayedAt"/> (a (value, time) pair, as algebird's DecayedValue).
/// <see cref="Recent"/> is the ring of window buckets, newest first: Recent[j] counts bucket <see cref="Head"/> - j.
/// Its length is what its oldest non-empty bucket needs (never longer than the ring), and the stored JSON is exactly
/// that; the array behind it may hold spare room, so a quiet action keeps a few floats at most. A value, kept inline in its aggregate (or its aggregate's array): an
/// aggregate per author a user engaged with made one object per counter a long-lived object per ingested event (issue 6).
/// The decayed values are inline too (at most <see cref="AggregateSpec.MaxHalfLives"/>): an array for them was another
/// object per counter, about 30 per user grain, each marked by every full collection (issue 6).
/// </summary>
public struct ActionCounter
{
    public ActionCounter()
    {
    }

    /// <summary>Decayed values below this read as 0 (algebird's DecayedValue uses the same epsilon, algorithm.md 8.1).</summary>
    public const double Epsilon = 1e-6;

    public EngagementAction Action { get; set; }

    /// <summary>All-time count (the "Top" half-life: no decay).</summary>
    public float Total { get; set; }

    private DecayedValues _decayed;
    private byte _decayedCount;

    /// <summary>UTC ticks the decayed values refer to: the latest event time seen.</summary>
    public long DecayedAt { get; set; }

    /// <summary>
    /// One decayed value per half-life of the group, as of <see cref="DecayedAt"/>: the stored form, a copy. Values past
    /// <see cref="AggregateSpec.MaxHalfLives"/> cannot come from a valid group and are not kept.
    /// </summary>
    public float[] Decayed
    {
        get => ((ReadOnlySpan<float>)_decayed)[.._decayedCount].ToArray();
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _decayedCount = (byte)Math.Min(value.Length, AggregateSpec.MaxHalfLives);
            _decayed = default;
            value.AsSpan(0, _decayedCount).CopyTo(_decayed);
        }
    }

    /// <summary>How many decayed values the counter holds (0 before its first event).</summary>
    internal readonly int DecayedCount => _decayedCount;

    /// <summary>Absolute index (UTC ticks / bucket width) of the bucket at Recent[0].</summary>
    public long Head { get; set; }

    // The ring's buckets live in _recent[.._recentLength]; the array may be longer (zeros past the length, up to the
    // ring; nothing at or past the ring is ever read), so a newer hour shifts the buckets in place instead of copying
    // them into a new array (issue 6: each copy outlived a young collection inside an old grain, and was copied and
    // marked again). Floats only: writing them dirties no card.
    private float[] _recent = [];
    private ushort _recentLength;

    /// <summary>The ring, newest first: the stored form, a copy exactly as long as the oldest non-empty bucket needs.</summary>
    public float[] Recent
    {
        get => _recent.AsSpan(0, _recentLength).ToArray();
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _recent = value.Length > AggregateSpec.MaxRingBuckets ? value[..AggregateSpec.MaxRingBuckets] : value;
            _recentLength = (ushort)_recent.Length;
        }
    }

    /// <summary>How many ring buckets the counter holds (0 when it keeps none).</summary>
    internal readonly int RecentLength => _recentLength;

    /// <summary>The decayed value for the group's half-life number <paramref name="halfLifeIndex"/>, as of <see cref="DecayedAt"/>.</summary>
    internal readonly float DecayedValue(int halfLifeIndex) => _decayed[halfLifeIndex];

    internal void AddDecayed(AggregateSpec spec, long atTicks, float weight)
    {
        var count = spec.HalfLifeTicks.Length;
        if (_decayedCount != count)
        {
            _decayed = default;
            _decayedCount = (byte)count;
            DecayedAt = atTicks;
        }

        var later = atTicks >= DecayedAt;
        Span<float> decayed = _decayed;
        for (var i = 0; i < count; i++)
        {
            decayed[i] = Flush(later
                ? decayed[i] * spec.DecayFactor(i, atTicks - DecayedAt) + weight
                : decayed[i] + weight * spec.DecayFactor(i, DecayedAt - atTicks));
        }

        DecayedAt = Math.Max(DecayedAt, atTicks);
    }

    internal void AddToRing(AggregateSpec spec, long bucket, float weight)
    {
        var ring = spec.RingBuckets;
        if (ring == 0)
        {
            return;
        }

        if (_recentLength == 0 || bucket - Head >= ring)
        {
            Head = bucket;
            Array.Clear(_recent, 0, _recentLength);
            Resize(1, ring);
            _recent[0] = weight;
            return;
        }

        if (bucket > Head)
        {
            var shift = (int)(bucket - Head);
            var length = Math.Min(ring, shift + _recentLength);
            Resize(length, ring);
            Array.Copy(_recent, 0, _recent, shift, length - shift); // overlapping moves are safe
            Array.Clear(_recent, 1, shift - 1);
            _recent[0] = weight;
            Head = bucket;
            return;
        }

        var back = Head - bucket;
        if (back >= ring)
        {
            return; // older than the longest window: it only counts in the total and the decayed values
        }

        if (back >= _recentLength)
        {
            Resize((int)back + 1, ring);
        }

        _recent[back] += weight;
    }

    /// <summary>Drops every ring bucket and its array.</summary>
    internal void ClearRing()
    {
        _recent = [];
        _recentLength = 0;
    }

    /// <summary>The count over the last <paramref name="buckets"/> buckets up to and including <paramref name="nowBucket"/>.</summary>
    internal readonly float WindowCount(long nowBucket, int buckets)
    {
        var sum = 0f;
        var skipped = nowBucket - Head; // buckets newer than Head are empty
        for (var j = 0; j < _recentLength && skipped + j < buckets; j++)
        {
            if (skipped + j >= 0)
            {
                sum += _recent[j];
            }
        }

        return sum;
    }

    // Sets the length; a longer ring than the array holds doubles it (up to the group's ring), so a counter whose
    // hours keep arriving reallocates a few times in its life rather than once an hour.
    private void Resize(int length, int ring)
    {
        if (length > _recent.Length)
        {
            var grown = new float[Math.Min(ring, Math.Max(length, Math.Max(4, _recent.Length * 2)))];
            _recent.AsSpan(0, _recentLength).CopyTo(grown);
            _recent = grown;
        }

        _recentLength = (ushort)length;
    }

    internal readonly float DecayedNow(AggregateSpec spec, int halfLifeIndex, long nowTicks) =>
        _decayedCount == 0 ? 0f : Flush(_decayed[halfLifeIndex] * spec.DecayFactor(halfLifeIndex, nowTicks - DecayedAt));

    private static float Flush(double value) => Math.Abs(value) < Epsilon ? 0f : (float)value;

    [InlineArray(AggregateSpec.MaxHalfLives)]
    private struct DecayedValues
    {
        private float _first;
    }
}
