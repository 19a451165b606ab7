using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Grains.Interfaces.Admin;
using Recsys.Grains.Interfaces.Errors;
using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Runtime;
using Recsys.Runtime.Reminders;
using Recsys.Runtime.Storage;

namespace Recsys.Grains.SimClusters;

/// <summary>
/// Keeps the last KnownFor assignment durably for the next run's warm start, lets one run at a time hold the model (a
/// holder whose job is no longer running is stale and is replaced), and re-runs the "simclusters" job from a durable
/// reminder every <see cref="SimClustersOptions.RunEvery"/> once a run has completed.
/// </summary>
[GrainType("simclustersmodel")]
public sealed partial class SimClustersModelGrain(
    [PersistentState("model")] IPersistentState<SimClustersModelState> state,
    IOptions<SimClustersOptions> options,
    ILogger<SimClustersModelGrain> logger) : Grain, ISimClustersModelGrain, IRemindable
{
    /// <summary>The job registry name the reminder starts.</summary>
    public const string JobName = "simclusters";

    /// <summary>The re-run reminder's name.</summary>
    public const string ReminderName = "simclusters-rerun";

    private SimClustersModelState Model => state.State;

    public async Task<KnownForSnapshot?> BeginRun(long jobId)
    {
        if (Model.RunningJobId is { } holder && holder != jobId && await IsRunningAsync(holder))
        {
            throw new InvalidOperationException($"SimClusters job #{holder} is still running; this run did nothing.");
        }

        Model.RunningJobId = jobId;
        await state.WriteStateAsync();
        return Model.KnownFor;
    }

    public async Task CommitRun(long jobId, KnownForSnapshot knownFor, SimClustersRunSummary summary)
    {
        if (Model.RunningJobId != jobId)
        {
            throw new InvalidOperationException($"SimClusters job #{jobId} does not hold the model (holder: {Model.RunningJobId?.ToString() ?? "none"}).");
        }

        var expected = (Model.KnownFor?.ModelVersion ?? 0) + 1;
        if (knownFor.ModelVersion != expected)
        {
            throw new InvalidOperationException($"A run must commit model version {expected}, not {knownFor.ModelVersion}.");
        }

        Model.KnownFor = knownFor;
        Model.RunningJobId = null;
        Model.Runs.Add(summary);
        if (Model.Runs.Count > SimClustersModelState.MaxRuns)
        {
            Model.Runs.RemoveAt(0);
        }

        await state.WriteStateAsync();
        Log.RunCompleted(logger, jobId, knownFor.ModelVersion, summary.ClusteredProducers, summary.NonEmptyCommunities, summary.UsersWithInterestedIn);
        await EnsureScheduled();
    }

    public async Task AbortRun(long jobId, string reason)
    {
        if (Model.RunningJobId == jobId)
        {
            Model.RunningJobId = null;
            await state.WriteStateAsync();
            Log.RunAborted(logger, jobId, reason);
        }
    }

    public Task<SimClustersModelView> GetView() => Task.FromResult(new SimClustersModelView(
        Model.KnownFor?.ModelVersion ?? 0,
        Model.KnownFor?.ComputedAt,
        Model.KnownFor?.ClusterCount ?? 0,
        Model.KnownFor?.Producers.Count ?? 0,
        Model.RunningJobId,
        Model.Runs.AsEnumerable().Reverse().ToArray(),
        Model.ScheduledEvery));

    public Task<KnownForSnapshot?> GetKnownFor() => Task.FromResult(Model.KnownFor);

    public async Task EnsureScheduled()
    {
        var every = options.Value.RunEvery;
        if (Model.ScheduledEvery == every && await GetReminder(ReminderName) is not null)
        {
            return; // re-registering would move the next run
        }

        await RegisterOrUpdateReminder(ReminderName, every, every);
        Model.ScheduledEvery = every;
        await state.WriteStateAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }

        if (Model.RunningJobId is { } holder && await IsRunningAsync(holder))
        {
            Log.ScheduledRunSkipped(logger, holder);
            return;
        }

        var run = await GrainFactory.GetGrain<IJobsGrain>(0).Start(JobName, new Dictionary<string, string> { ["trigger"] = "schedule" });
        Log.ScheduledRunStarted(logger, run.Id);
    }

    private async Task<bool> IsRunningAsync(long jobId)
    {
        try
        {
            var run = await GrainFactory.GetGrain<IJobsGrain>(0).Get(jobId);
            return run.Status is JobStatus.Queued or JobStatus.Running;
        }
        catch (UnknownEntityException)
        {
            return false; // the registry no longer knows it: long finished
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = (int)Logging.DomainEventCode.SimClustersRunCompleted, Level = LogLevel.Information,
            Message = "SimClusters job #{JobId} committed model version {Version}: {Producers} producers in {Communities} communities, {Users} users with InterestedIn")]
        public static partial void RunCompleted(ILogger logger, long jobId, int version, int producers, int communities, int users);

        [LoggerMessage(EventId = (int)Logging.DomainEventCode.SimClustersRunAborted, Level = LogLevel.Warning,
            Message = "SimClusters job #{JobId} failed and released the model; the previous assignment stays: {Reason}")]
        public static partial void RunAborted(ILogger logger, long jobId, string reason);

        [LoggerMessage(EventId = (int)Logging.DomainEventCode.SimClustersScheduledRunStarted, Level = LogLevel.Information,
            Message = "Scheduled SimClusters re-run started as job #{JobId}")]
        public static partial void ScheduledRunStarted(ILogger logger, long jobId);

        [LoggerMessage(EventId = (int)Logging.DomainEventCode.SimClustersScheduledRunSkipped, Level = LogLevel.Information,
            Message = "Scheduled SimClusters re-run skipped: job #{JobId} is still running")]
        public static partial void ScheduledRunSkipped(ILogger logger, long jobId);
    }
}
