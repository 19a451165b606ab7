using Recsys.Grains.Interfaces.Admin;

namespace Recsys.Grains.Admin.Jobs;

/// <summary>The job registry's stored state: the last runs (bounded) and the next id.</summary>
public sealed class JobsState
{
    /// <summary>Runs kept; the oldest finished ones are dropped first (ours).</summary>
    public const int MaxRuns = 100;

    public long LastId { get; set; }

    public List<JobInfo> Runs { get; set; } = [];
}
