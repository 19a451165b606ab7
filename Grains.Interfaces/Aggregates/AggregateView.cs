using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Interfaces.Aggregates;

/// <summary>
/// A rolling aggregate read at <see cref="AsOf"/>: for each action seen, its all-time total, its exponentially
/// decayed counts (one per half-life, in the order of <see cref="HalfLives"/>) and its exact counts over the
/// windows (in the order of <see cref="Windows"/>). Durations are labels such as "30m", "24h", "14d".
/// </summary>
public sealed record AggregateView(
    DateTimeOffset AsOf,
    IReadOnlyList<string> HalfLives,
    IReadOnlyList<string> Windows,
    IReadOnlyList<ActionAggregateView> Actions)
{
    /// <summary>The all-time count of an action (0 when never seen).</summary>
    public float Total(EngagementAction action) => Actions.FirstOrDefault(a => a.Action == action)?.Total ?? 0f;
}

/// <summary>One action's counts within an <see cref="AggregateView"/>.</summary>
public sealed record ActionAggregateView(
    EngagementAction Action,
    float Total,
    IReadOnlyList<float> Decayed,
    IReadOnlyList<float> Windows);

/// <summary>The aggregate of one user's engagements with one author (RealGraph's edge inputs, section 3).</summary>
public sealed record PairAggregateView(long AuthorId, AggregateView Aggregate);
