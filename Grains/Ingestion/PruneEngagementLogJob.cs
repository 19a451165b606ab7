using Microsoft.Extensions.Options;
using Recsys.Grains.Admin.Jobs;
using Recsys.Grains.Fanout;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.Ingestion;

/// <summary>
/// The "prune-engagement-log" job: grains whose checkpoints lag behind log rows older than the dedup retention
/// are told to catch up and checkpoint, then the rows every grain has checkpointed are deleted (their ids may be
/// accepted again afterwards). Argument: olderThanHours (default: the retention).
/// </summary>
public sealed class PruneEngagementLogJob(IEngagementLog log, TimeProvider time, IOptions<IngestionOptions> options) : IJob
{
    private const int MaxRounds = 20;
    private const int GrainsPerRound = 1_000;

    public string Name => "prune-engagement-log";

    public string Description => "Deletes engagement-log rows older than the dedup retention once every grain has checkpointed them.";

    public async Task RunAsync(JobContext context)
    {
        var retention = TimeSpan.FromHours(context.IntArgument("olderThanHours", (int)options.Value.DedupRetention.TotalHours));
        var cutoff = time.GetUtcNow() - retention;
        for (var round = 0; round < MaxRounds; round++)
        {
            var lagging = await log.FindLaggingAsync(cutoff, GrainsPerRound);
            if (lagging.Count == 0)
            {
                break;
            }

            await context.ReportAsync(round / (double)MaxRounds, $"checkpointing {lagging.Count} lagging grains");
            await BoundedParallel.ForEachAsync(lagging, 64, grain => grain.Stream == LogStream.Post
                ? context.Grains.GetGrain<IPostGrain>(grain.Key).Checkpoint()
                : context.Grains.GetGrain<IUserGrain>(grain.Key).Checkpoint());
        }

        var deleted = await log.PruneAsync(cutoff);
        await context.ReportAsync(1, $"deleted {deleted} rows accepted before {cutoff:O}");
    }
}
