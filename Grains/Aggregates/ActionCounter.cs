using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Aggregates;

/// <summary>
/// The counts of one action within a <see cref="RollingAggregate"/>, float32 throughout. <see cref="Decayed"/>
/// holds one value per half-life as of <see cref="DecayedAt"/> (a (value, time) pair, as algebird's DecayedValue).
/// <see cref="Recent"/> is the ring of window buckets, newest first: Recent[j] counts bucket <see cref="Head"/> - j.
/// It is only as long as its oldest non-empty bucket needs (never longer than the ring), so a quiet action keeps
/// almost nothing, and the stored JSON is the same short array. A value, kept inline in its aggregate's array: an
/// aggregate per author a user engaged with made one object per counter a long-lived object per ingested event (issue 6).
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

    /// <summary>UTC ticks the decayed values refer to: the latest event time seen.</summary>
    public long DecayedAt { get; set; }

    public float[] Decayed { get; set; } = [];

    /// <summary>Absolute index (UTC ticks / bucket width) of the bucket at Recent[0].</summary>
    public long Head { get; set; }

    public float[] Recent { get; set; } = [];

    internal void AddDecayed(AggregateSpec spec, long atTicks, float weight)
    {
        if (Decayed.Length != spec.HalfLifeTicks.Length)
        {
            Decayed = new float[spec.HalfLifeTicks.Length];
            DecayedAt = atTicks;
        }

        var later = atTicks >= DecayedAt;
        for (var i = 0; i < Decayed.Length; i++)
        {
            Decayed[i] = Flush(later
                ? Decayed[i] * spec.DecayFactor(i, atTicks - DecayedAt) + weight
                : Decayed[i] + weight * spec.DecayFactor(i, DecayedAt - atTicks));
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

        if (Recent.Length == 0 || bucket - Head >= ring)
        {
            Head = bucket;
            Recent = [weight];
            return;
        }

        if (bucket > Head)
        {
            var shift = (int)(bucket - Head);
            var moved = new float[Math.Min(ring, shift + Recent.Length)];
            Array.Copy(Recent, 0, moved, shift, moved.Length - shift);
            moved[0] = weight;
            Recent = moved;
            Head = bucket;
            return;
        }

        var back = Head - bucket;
        if (back >= ring)
        {
            return; // older than the longest window: it only counts in the total and the decayed values
        }

        if (back >= Recent.Length)
        {
            var grown = new float[back + 1];
            Array.Copy(Recent, grown, Recent.Length);
            Recent = grown;
        }

        Recent[back] += weight;
    }

    /// <summary>The count over the last <paramref name="buckets"/> buckets up to and including <paramref name="nowBucket"/>.</summary>
    internal float WindowCount(long nowBucket, int buckets)
    {
        var sum = 0f;
        var skipped = nowBucket - Head; // buckets newer than Head are empty
        for (var j = 0; j < Recent.Length && skipped + j < buckets; j++)
        {
            if (skipped + j >= 0)
            {
                sum += Recent[j];
            }
        }

        return sum;
    }

    internal float DecayedNow(AggregateSpec spec, int halfLifeIndex, long nowTicks) =>
        Decayed.Length == 0 ? 0f : Flush(Decayed[halfLifeIndex] * spec.DecayFactor(halfLifeIndex, nowTicks - DecayedAt));

    private static float Flush(double value) => Math.Abs(value) < Epsilon ? 0f : (float)value;
}
