using Recsys.Runtime;
using Recsys.Runtime.Concurrency;
using Recsys.Runtime.Reminders;

namespace Recsys.Grains.Interfaces.Reputation;

/// <summary>
/// Drives the cluster tweepcred job (key 0): partitions the follow graph over partition grains spread across the
/// silos, runs PageRank supersteps behind a barrier, and writes every user's score into its User grain. One run
/// at a time. Started by the "tweepcred" job (POST /api/admin/jobs/tweepcred) and daily by a durable reminder,
/// which starts that job so every run shows in the job registry.
/// </summary>
public interface ITweepcredCoordinatorGrain : IGrainWithIntegerKey, IRemindable
{
    /// <summary>Starts a run in the background and returns at once; throws InvalidOperationException while another runs.</summary>
    Task<TweepcredRunStatus> Start(TweepcredRunRequest request);

    /// <summary>
    /// The run's status as soon as it has finished, or after <paramref name="maxWait"/> if it is still running (a
    /// long poll: callers loop on it, keeping each call under the response timeout).
    /// </summary>
    [AlwaysInterleave]
    Task<TweepcredRunStatus> WaitForRun(long runId, TimeSpan maxWait);

    /// <summary>The run in progress, else the last one; null before the first run.</summary>
    [AlwaysInterleave]
    Task<TweepcredRunStatus?> GetLastRun();

    /// <summary>
    /// Registers the daily reminder unless it exists (an existing one keeps its schedule); returns whether it
    /// registered one.
    /// </summary>
    Task<bool> EnsureScheduled();
}

/// <summary>How to run: the job run to report progress to, the partition count (0: the configured default), and why.</summary>
/// <param name="JobId">The job registry's run id to report progress to, or null.</param>
/// <param name="Partitions">Partition grains to spread the graph over; 0 means TweepcredJobOptions.Partitions.</param>
/// <param name="Trigger">Who asked: "job", "reminder", a test.</param>
public sealed record TweepcredRunRequest(long? JobId, int Partitions = 0, string Trigger = "job");
