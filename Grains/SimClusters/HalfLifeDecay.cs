namespace Recsys.Grains.SimClusters;

/// <summary>
/// Exponential decay by half-life, as algebird's DecayedValue does for SimClusters' real-time scores
/// (algorithm.md 4.5): a value v recorded at t_v is worth v · 2^(−(t − t_v)/halfLife) at time t.
/// </summary>
public static class HalfLifeDecay
{
    /// <summary>The factor 2^(−elapsed/halfLife); above 1 when elapsed is negative (a value from the future).</summary>
    public static double Factor(TimeSpan elapsed, TimeSpan halfLife)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(halfLife, TimeSpan.Zero);
        return Math.Pow(2.0, -(elapsed / halfLife));
    }

    /// <summary>The worth at <paramref name="at"/> of <paramref name="value"/> recorded at <paramref name="recordedAt"/>.</summary>
    public static double ValueAt(double value, DateTimeOffset recordedAt, DateTimeOffset at, TimeSpan halfLife) =>
        value * Factor(at - recordedAt, halfLife);

    /// <summary>
    /// log2 of the value carried back to the Unix epoch. Values with one half-life decay at the same rate, so this key
    /// orders them the same way at every instant, and it never overflows as the clock advances.
    /// </summary>
    public static double TimeInvariantKey(double value, DateTimeOffset recordedAt, TimeSpan halfLife) =>
        Math.Log2(value) + (recordedAt - DateTimeOffset.UnixEpoch) / halfLife;

    /// <summary>The worth at <paramref name="at"/> of a value stored as <see cref="TimeInvariantKey"/>.</summary>
    public static double ValueFromKey(double key, DateTimeOffset at, TimeSpan halfLife) =>
        Math.Pow(2.0, key - (at - DateTimeOffset.UnixEpoch) / halfLife);
}
