namespace Recsys.Grains.Aggregates;

/// <summary>
/// The shape of one aggregate group (algorithm.md section 8.1): which half-lives its decayed counts use, over which
/// windows it keeps exact counts, and how wide the ring buckets behind those windows are.
/// </summary>
/// <remarks>Every window must be a whole number of buckets; the ring holds as many buckets as the longest window.</remarks>
public sealed class AggregateGroupOptions
{
    /// <summary>Half-lives of the exponentially decayed counts (each value halves after one half-life).</summary>
    public TimeSpan[] HalfLives { get; set; } = [];

    /// <summary>Windows of the exact counts; empty keeps no ring at all (the cheapest group).</summary>
    public TimeSpan[] Windows { get; set; } = [];

    /// <summary>Width of one ring bucket: the resolution of window counts.</summary>
    public TimeSpan BucketWidth { get; set; } = TimeSpan.FromHours(1);

    public static AggregateGroupOptions Of(TimeSpan[] halfLives, TimeSpan[] windows, TimeSpan bucketWidth) =>
        new() { HalfLives = halfLives, Windows = windows, BucketWidth = bucketWidth };
}
