namespace Recsys.Grains.Aggregates;

/// <summary>
/// The aggregate groups kept by the domain grains (algorithm.md section 8.2 for the published half-lives: 30 min,
/// 24 h, 72 h, 14 d, 50 d; section 8.2's feature windows for the real-time counts: 1, 2 and 3 days).
/// </summary>
public sealed class AggregateOptions
{
    /// <summary>The default value for <see cref="MaxPairAuthors"/>: authors kept per user (ours; RealGraph keeps 2,000 candidates per user offline).</summary>
    public const int DefaultMaxPairAuthors = 200;

    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>
    /// Engagements a post received: 30 min and 24 h half-lives (real-time tweet aggregates use 30 min and Top;
    /// share, bookmark and dwell aggregates 30 min and 24 h), exact counts over 1 h, 24 h and 48 h in hourly buckets.
    /// </summary>
    public AggregateGroupOptions Post { get; set; } = AggregateGroupOptions.Of(
        [TimeSpan.FromMinutes(30), TimeSpan.FromHours(24)],
        [Hour, TimeSpan.FromHours(24), TimeSpan.FromHours(48)],
        Hour);

    /// <summary>
    /// Engagements a user made: 30 min, 24 h, 72 h (real-time user aggregates) and 50 d (batch user aggregates);
    /// exact counts over 1, 2 and 3 days in hourly buckets.
    /// </summary>
    public AggregateGroupOptions Actor { get; set; } = AggregateGroupOptions.Of(
        [TimeSpan.FromMinutes(30), TimeSpan.FromHours(24), TimeSpan.FromHours(72), TimeSpan.FromDays(50)],
        [TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(3)],
        Hour);

    /// <summary>
    /// Engagements a user's posts (or profile) received: 30 min (real-time author aggregates), 24 h (author content
    /// preference) and 50 d (batch original-author aggregates); exact counts over 1 and 3 days in hourly buckets.
    /// </summary>
    public AggregateGroupOptions Author { get; set; } = AggregateGroupOptions.Of(
        [TimeSpan.FromMinutes(30), TimeSpan.FromHours(24), TimeSpan.FromDays(50)],
        [TimeSpan.FromDays(1), TimeSpan.FromDays(3)],
        Hour);

    /// <summary>
    /// A user's engagements with one author: 24 h and 72 h (user-author profile aggregates), 14 d (user-author good
    /// clicks) and 50 d (batch user-author aggregates). No windows, to keep many pairs cheap.
    /// </summary>
    public AggregateGroupOptions Pair { get; set; } = AggregateGroupOptions.Of(
        [TimeSpan.FromHours(24), TimeSpan.FromHours(72), TimeSpan.FromDays(14), TimeSpan.FromDays(50)],
        [],
        Hour);

    /// <summary>How many authors each user keeps pair aggregates for; the least engaged is dropped first.</summary>
    public int MaxPairAuthors { get; set; } = DefaultMaxPairAuthors;
}
