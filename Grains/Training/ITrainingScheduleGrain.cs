using Recsys.Runtime;
using Recsys.Runtime.Reminders;

namespace Recsys.Grains.Training;

/// <summary>The daily training schedule (key 0): a durable reminder that starts the "training" job once a day.</summary>
public interface ITrainingScheduleGrain : IGrainWithIntegerKey, IRemindable
{
    /// <summary>Registers the daily reminder unless it exists; returns whether it registered it.</summary>
    Task<bool> EnsureScheduled();
}
