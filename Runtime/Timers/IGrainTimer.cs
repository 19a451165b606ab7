namespace Recsys.Runtime.Timers;

/// <summary>A timer that lives with one activation; disposing it stops it.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes when the next tick is due and the period after it.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
