namespace Recsys.Grains.Aggregates;

/// <summary>
/// An aggregate group's options resolved for arithmetic: half-lives and bucket width in ticks, each window as a
/// bucket count. Immutable and shared by every aggregate of the group; aggregates themselves store no options.
/// </summary>
public sealed class AggregateSpec
{
    /// <summary>The most buckets a ring may have, so a misconfigured group cannot make every grain huge.</summary>
    public const int MaxRingBuckets = 1024;

    /// <summary>The most half-lives a group may have: the published groups use up to five (30 min, 24 h, 72 h, 14 d, 50 d, algorithm.md 8.2), and counters keep them inline.</summary>
    public const int MaxHalfLives = 5;

    public AggregateSpec(AggregateGroupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BucketWidth <= TimeSpan.Zero)
        {
            throw new ArgumentException("BucketWidth must be positive.", nameof(options));
        }

        HalfLives = options.HalfLives.ToArray();
        Windows = options.Windows.ToArray();
        HalfLifeTicks = HalfLives.Select(h => h > TimeSpan.Zero ? h.Ticks : throw new ArgumentException("Half-lives must be positive.", nameof(options))).ToArray();
        if (HalfLives.Count > MaxHalfLives)
        {
            throw new ArgumentException($"A group has at most {MaxHalfLives} half-lives (got {HalfLives.Count}).", nameof(options));
        }
        BucketTicks = options.BucketWidth.Ticks;
        WindowBuckets = Windows.Select(w => w > TimeSpan.Zero && w.Ticks % BucketTicks == 0
            ? (int)(w.Ticks / BucketTicks)
            : throw new ArgumentException($"Window {w} is not a positive whole number of {options.BucketWidth} buckets.", nameof(options))).ToArray();
        RingBuckets = WindowBuckets.Length == 0 ? 0 : WindowBuckets.Max();
        if (RingBuckets > MaxRingBuckets)
        {
            throw new ArgumentException($"The longest window needs {RingBuckets} buckets; at most {MaxRingBuckets} are allowed.", nameof(options));
        }

        HalfLifeLabels = HalfLives.Select(DurationLabel.Format).ToArray();
        WindowLabels = Windows.Select(DurationLabel.Format).ToArray();
    }

    public IReadOnlyList<TimeSpan> HalfLives { get; }

    public IReadOnlyList<TimeSpan> Windows { get; }

    public long[] HalfLifeTicks { get; }

    public long BucketTicks { get; }

    public int[] WindowBuckets { get; }

    public int RingBuckets { get; }

    public IReadOnlyList<string> HalfLifeLabels { get; }

    public IReadOnlyList<string> WindowLabels { get; }

    public long BucketOf(DateTimeOffset time) => time.UtcTicks / BucketTicks;

    /// <summary>2^(-elapsed / halfLife): the weight of a count <paramref name="elapsedTicks"/> old (1 when not positive).</summary>
    public double DecayFactor(int halfLifeIndex, long elapsedTicks) =>
        elapsedTicks <= 0 ? 1d : Math.Pow(2d, -(double)elapsedTicks / HalfLifeTicks[halfLifeIndex]);
}
