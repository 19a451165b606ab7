using Microsoft.Extensions.Logging;
using Recsys.Grains.Admin.Jobs;

namespace Recsys.Grains.Training;

/// <summary>
/// The "training" job (POST /api/admin/jobs/training, `recsys jobs run training`, and daily through
/// <see cref="TrainingScheduleGrain"/>): trains a heavy-ranker version from the served-item log and the engagement
/// log and promotes it when it is no worse (<see cref="TrainingRun"/>). Argument: lookBackHours (default
/// TrainingOptions.LookBack). The job's message is the decision; the registry keeps the version and its metrics.
/// </summary>
public sealed partial class TrainingJob(TrainingRun run, ILogger<TrainingJob> logger) : IJob
{
    public const string JobName = "training";

    public string Name => JobName;

    public string Description => "Trains the heavy ranker's heads from served items and the engagements within 24 h, and promotes the version if no head's held-out AUC is worse (arguments: lookBackHours).";

    public async Task RunAsync(JobContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var hours = context.IntArgument("lookBackHours", 0);
        var report = await run.RunAsync((progress, message) => context.ReportAsync(progress, message), hours > 0 ? TimeSpan.FromHours(hours) : null);
        Log.Finished(logger, context.JobId, report.Summary);
        await context.ReportAsync(1, report.Summary);
        try
        {
            await context.Grains.GetGrain<ITrainingScheduleGrain>(0).EnsureScheduled(); // the daily run is registered on first use
        }
        catch (Exception exception)
        {
            Log.ScheduleFailed(logger, exception); // no reminder service: on-demand runs still work
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = (int)Logging.DomainEventCode.TrainingFinished, Level = LogLevel.Information, Message = "Training job #{JobId}: {Summary}")]
        public static partial void Finished(ILogger logger, long jobId, string summary);

        [LoggerMessage(EventId = (int)Logging.DomainEventCode.TrainingScheduleFailed, Level = LogLevel.Warning,
            Message = "Could not register the daily training reminder after a run")]
        public static partial void ScheduleFailed(ILogger logger, Exception exception);
    }
}
