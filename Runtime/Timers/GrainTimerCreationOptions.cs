namespace Recsys.Runtime.Timers;

/// <summary>How a grain timer ticks (Orleans' GrainTimerCreationOptions).</summary>
public readonly record struct GrainTimerCreationOptions(TimeSpan DueTime, TimeSpan Period)
{
    /// <summary>Whether a tick may interleave with running requests; by default it waits its turn like a call.</summary>
    public bool Interleave { get; init; }

    /// <summary>Whether a tick counts as activity that postpones idle collection; by default it does not.</summary>
    public bool KeepAlive { get; init; }
}
