using Recsys.Grains.Interfaces.Reputation;

namespace Recsys.Grains.Reputation.Cluster;

/// <summary>The coordinator's stored state: the last runs (bounded), the last run id, and the last reminder tick acted on.</summary>
public sealed class TweepcredCoordinatorState
{
    /// <summary>Runs kept (ours).</summary>
    public const int MaxRuns = 20;

    public long LastRunId { get; set; }

    public List<TweepcredRunStatus> Runs { get; set; } = [];

    /// <summary>The tick time of the last daily reminder that started a run: a repeated tick of the same day is ignored.</summary>
    public DateTimeOffset? LastReminderTick { get; set; }
}
