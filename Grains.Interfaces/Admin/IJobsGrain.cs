using Recsys.Runtime;
using Recsys.Runtime.Concurrency;

namespace Recsys.Grains.Interfaces.Admin;

/// <summary>
/// The job registry (key 0): starts named jobs (those registered on the silo: sample loading, log pruning, and
/// later tweepcred, SimClusters, training) and tracks their runs. An unknown name is a ValidationException on
/// "name" that lists the known ones; an unknown id an UnknownEntityException.
/// </summary>
public interface IJobsGrain : IGrainWithIntegerKey
{
    Task<JobInfo> Start(string name, IReadOnlyDictionary<string, string> arguments);

    [ReadOnly]
    Task<JobInfo> Get(long id);

    [ReadOnly]
    Task<IReadOnlyList<JobInfo>> List();

    [ReadOnly]
    Task<IReadOnlyList<string>> GetJobNames();

    /// <summary>Called by a running job.</summary>
    Task Report(long id, double progress, string? message);

    /// <summary>Called when a job ends.</summary>
    Task Finish(long id, bool succeeded, string? message);
}
