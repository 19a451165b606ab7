using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Grains.Interfaces.Admin;
using Recsys.Runtime;
using Recsys.Runtime.Reminders;
using Recsys.Runtime.Storage;

namespace Recsys.Grains.Training;

/// <summary>
/// Starts the "training" job daily at <see cref="TrainingOptions.DailyAt"/> through the job registry, so scheduled
/// runs show beside on-demand ones, as tweepcred's daily run does. Every silo's reminder agent may deliver the same
/// tick; the first of a day wins (the last tick is stored). The same tick prunes the served-item log.
/// </summary>
[GrainType("trainingschedule")]
public sealed partial class TrainingScheduleGrain(
    [PersistentState("trainingschedule")] IPersistentState<TrainingScheduleState> state,
    IOptions<TrainingOptions> options,
    ILogger<TrainingScheduleGrain> logger) : Grain, ITrainingScheduleGrain
{
    public const string DailyReminder = "training-daily";

    public static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public async Task<bool> EnsureScheduled()
    {
        if (await GetReminder(DailyReminder) is not null)
        {
            return false; // re-registering would move the next run
        }

        var now = TimeProvider.GetUtcNow().UtcDateTime;
        var next = now.Date + options.Value.DailyAt;
        await RegisterOrUpdateReminder(DailyReminder, next > now ? next - now : next + Day - now, Day);
        return true;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DailyReminder || (state.State.LastTick is { } last && status.CurrentTickTime - last < status.Period / 2))
        {
            return;
        }

        state.State.LastTick = status.CurrentTickTime;
        await state.WriteStateAsync();
        var jobs = GrainFactory.GetGrain<IJobsGrain>(0);
        var job = await jobs.Start(TrainingJob.JobName, new Dictionary<string, string> { ["trigger"] = "reminder" });
        await jobs.Start(ServedLog.PruneServedLogJob.JobName, new Dictionary<string, string>()); // keeps the served log within its retention
        Log.ScheduledRunStarted(logger, job.Id);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = (int)Logging.DomainEventCode.TrainingScheduledRunStarted, Level = LogLevel.Information,
            Message = "Daily training run started as job #{JobId}")]
        public static partial void ScheduledRunStarted(ILogger logger, long jobId);
    }
}
