namespace Recsys.Grains.Admin.Jobs;

/// <summary>
/// A named batch job the job registry can start (POST /api/admin/jobs/{name}). Later issues plug in theirs
/// (tweepcred, SimClusters, training) with services.AddRecsysJob&lt;T&gt;(). A job reports progress through its
/// context; an exception fails the run with the exception's message.
/// </summary>
public interface IJob
{
    /// <summary>Lower-case, dash-separated, e.g. "load-sample".</summary>
    string Name { get; }

    string Description { get; }

    Task RunAsync(JobContext context);
}
