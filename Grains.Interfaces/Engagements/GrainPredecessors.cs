namespace Recsys.Grains.Interfaces.Engagements;

/// <summary>
/// For each grain a logged engagement is delivered to (its post, its actor, its subject), the sequence of that grain's
/// event logged just before it and not yet covered by the grain's recorded checkpoint; <see cref="None"/> when there
/// is none, <see cref="Unknown"/> when the log does not say (a row read back, a log that does not list grains). A
/// grain whose applied events reach the predecessor can move its replay bound straight to the new event.
/// </summary>
public readonly record struct GrainPredecessors(long Post, long User, long Subject)
{
    /// <summary>The log did not say (the default).</summary>
    public const long Unknown = 0;

    /// <summary>Every earlier event of the grain is covered by its recorded checkpoint.</summary>
    public const long None = -1;
}
