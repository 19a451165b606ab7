using Microsoft.Extensions.Options;
using Recsys.Grains.Admin.Jobs;

namespace Recsys.Grains.Training.ServedLog;

/// <summary>
/// The "prune-served-log" job: deletes served items older than <see cref="ServedLogOptions.Retention"/> (7 days),
/// as the engagement log's prune job keeps that log bounded. Argument: olderThanHours (default: the retention).
/// Started on demand, and daily by the training schedule after the training job.
/// </summary>
public sealed class PruneServedLogJob(IServedLog log, TimeProvider time, IOptions<ServedLogOptions> options) : IJob
{
    public const string JobName = "prune-served-log";

    public string Name => JobName;

    public string Description => "Deletes served-item log rows older than the retention (arguments: olderThanHours).";

    public async Task RunAsync(JobContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var retention = TimeSpan.FromHours(context.IntArgument("olderThanHours", (int)options.Value.Retention.TotalHours));
        var cutoff = time.GetUtcNow() - retention;
        var deleted = await log.PruneAsync(cutoff);
        await context.ReportAsync(1, $"deleted {deleted} served items older than {cutoff:O}");
    }
}
