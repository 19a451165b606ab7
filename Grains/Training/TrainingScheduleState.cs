namespace Recsys.Grains.Training;

/// <summary>The schedule's stored state: the last reminder tick that started a run.</summary>
public sealed class TrainingScheduleState
{
    public DateTimeOffset? LastTick { get; set; }
}
