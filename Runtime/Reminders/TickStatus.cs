namespace Recsys.Runtime.Reminders;

/// <summary>Where a reminder tick falls: ticks may be missed or repeated around restarts, so callbacks reconcile with this.</summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
