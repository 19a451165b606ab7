using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Grains.Interfaces.Admin;
using Recsys.Grains.Interfaces.Reputation;
using Recsys.Runtime;
using Recsys.Runtime.Concurrency;
using Recsys.Runtime.Membership;
using Recsys.Runtime.Reminders;
using Recsys.Runtime.Storage;

namespace Recsys.Grains.Reputation.Cluster;

/// <summary>
/// The tweepcred coordinator (key 0). A run goes on in the background of this activation (its continuations are
/// turns here), so calls keep being served meanwhile; it reports progress to the job registry and keeps the last
/// runs in storage. A run still marked running when the grain activates did not survive its silo and is marked
/// failed. The daily reminder starts the "tweepcred" job, so scheduled runs show in the registry too.
/// </summary>
[GrainType("tweepcred")]
[Reentrant]
public sealed partial class TweepcredCoordinatorGrain(
    [PersistentState("tweepcred")] IPersistentState<TweepcredCoordinatorState> state,
    IOptions<TweepcredOptions> options,
    IOptions<TweepcredJobOptions> jobOptions,
    IClusterMembership membership,
    ILogger<TweepcredCoordinatorGrain> logger) : Grain, ITweepcredCoordinatorGrain
{
    /// <summary>The daily reminder's name.</summary>
    public const string DailyReminder = "tweepcred-daily";

    /// <summary>The reminder's period.</summary>
    public static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private static readonly TimeSpan KeepAliveWhileRunning = TimeSpan.FromHours(1);

    private TweepcredRunTracker? _run;
    private TaskCompletionSource<TweepcredRunStatus>? _finished;
    private Task _lastWrite = Task.CompletedTask;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var interrupted = state.State.Runs.Where(r => r.State == TweepcredRunState.Running).ToArray();
        foreach (var run in interrupted)
        {
            Replace(run with { State = TweepcredRunState.Failed, FinishedAt = TimeProvider.GetUtcNow(), Error = "the silo stopped while the run ran" });
        }

        if (interrupted.Length > 0)
        {
            await state.WriteStateAsync();
        }
    }

    public async Task<TweepcredRunStatus> Start(TweepcredRunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_run is { } running)
        {
            throw new InvalidOperationException($"tweepcred run {running.RunId} (job {running.JobId?.ToString() ?? "none"}) is still running.");
        }

        var partitions = request.Partitions > 0 ? request.Partitions
            : jobOptions.Value.Partitions > 0 ? jobOptions.Value.Partitions
            : 2 * Math.Max(1, membership.Current.ActiveSilos.Count);
        if (partitions > Interfaces.Users.UserIndex.Shards)
        {
            throw new ArgumentOutOfRangeException(nameof(request), $"at most {Interfaces.Users.UserIndex.Shards} partitions (the user-index shards), got {partitions}.");
        }

        var run = new TweepcredRunTracker(state.State.LastRunId + 1, request, TimeProvider.GetUtcNow(), partitions);
        state.State.LastRunId = run.RunId;
        state.State.Runs.Add(run.ToStatus());
        while (state.State.Runs.Count > TweepcredCoordinatorState.MaxRuns)
        {
            state.State.Runs.RemoveAt(0);
        }

        _run = run; // before the first await: calls interleave, and a second Start must see this one
        _finished = new TaskCompletionSource<TweepcredRunStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await WriteStateAsync();
        }
        catch
        {
            (_run, _finished) = (null, null);
            throw;
        }

        DelayDeactivation(KeepAliveWhileRunning);
        _ = RunAsync(run, _finished); // continues as turns of this activation; calls interleave ([Reentrant])
        return run.ToStatus();
    }

    public async Task<TweepcredRunStatus> WaitForRun(long runId, TimeSpan maxWait)
    {
        if (_run?.RunId == runId && _finished is { } finished)
        {
            using var cancel = new CancellationTokenSource();
            await Task.WhenAny(finished.Task, Task.Delay(maxWait, TimeProvider, cancel.Token));
            await cancel.CancelAsync();
        }

        return Find(runId) ?? throw new ArgumentException($"tweepcred run {runId} is unknown (runs kept: {TweepcredCoordinatorState.MaxRuns}).", nameof(runId));
    }

    public Task<TweepcredRunStatus?> GetLastRun() => Task.FromResult(_run?.ToStatus() ?? state.State.Runs.LastOrDefault());

    public async Task<bool> EnsureScheduled()
    {
        if (await GetReminder(DailyReminder) is not null)
        {
            return false; // re-registering would move the next run
        }

        var now = TimeProvider.GetUtcNow();
        var next = now.UtcDateTime.Date + jobOptions.Value.DailyAt;
        var due = next > now.UtcDateTime ? next - now.UtcDateTime : next + Day - now.UtcDateTime;
        await RegisterOrUpdateReminder(DailyReminder, due, Day);
        return true;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != DailyReminder)
        {
            return;
        }

        // Every silo's reminder agent may deliver the same tick; the first one of a day wins.
        if (_run is not null || (state.State.LastReminderTick is { } last && status.CurrentTickTime - last < status.Period / 2))
        {
            Log.ScheduledRunSkipped(logger, _run?.RunId ?? state.State.LastRunId);
            return;
        }

        state.State.LastReminderTick = status.CurrentTickTime;
        await WriteStateAsync();
        var job = await GrainFactory.GetGrain<IJobsGrain>(0).Start(TweepcredJob.JobName, new Dictionary<string, string> { ["trigger"] = "reminder" });
        Log.ScheduledRunStarted(logger, job.Id);
    }

    private async Task RunAsync(TweepcredRunTracker run, TaskCompletionSource<TweepcredRunStatus> finished)
    {
        TweepcredRunStatus status;
        try
        {
            var silos = Math.Max(1, membership.Current.ActiveSilos.Count);
            var driver = new TweepcredRunDriver(GrainFactory, options.Value, jobOptions.Value, run, silos, () => ReportAsync(run));
            await driver.RunAsync();
            run.Phase = "done";
            status = run.ToStatus(TweepcredRunState.Succeeded, TimeProvider.GetUtcNow());
            Log.RunSucceeded(logger, run.RunId, run.Users, run.Edges, run.Iterations, run.Delta, run.Partitions, run.PartitionSilos.Distinct().Count());
        }
        catch (Exception exception)
        {
            status = run.ToStatus(TweepcredRunState.Failed, TimeProvider.GetUtcNow(), exception.Message);
            Log.RunFailed(logger, exception, run.RunId);
        }

        Replace(status);
        try
        {
            await WriteStateAsync();
        }
        catch (Exception exception)
        {
            Log.ScheduleFailed(logger, exception);
        }
        finally
        {
            _run = null; // only now may another run start
            finished.TrySetResult(status);
        }

        if (status.State == TweepcredRunState.Succeeded)
        {
            try
            {
                await EnsureScheduled(); // the daily run is registered on first use
            }
            catch (Exception exception)
            {
                Log.ScheduleFailed(logger, exception);
            }
        }
    }

    // The grain is reentrant: writes queue behind each other, so two never race on the ETag; each writes the state as it then is.
    private Task WriteStateAsync()
    {
        var previous = _lastWrite;
        var write = WriteAfterAsync(previous);
        _lastWrite = write;
        return write;

        async Task WriteAfterAsync(Task before)
        {
            try
            {
                await before;
            }
            catch (Exception)
            {
                // that write's caller saw its failure; this one tries again with the current state
            }

            await state.WriteStateAsync();
        }
    }

    private async Task ReportAsync(TweepcredRunTracker run)
    {
        DelayDeactivation(KeepAliveWhileRunning);
        if (run.JobId is { } jobId)
        {
            await GrainFactory.GetGrain<IJobsGrain>(0).Report(jobId, run.Progress, run.Message);
        }
    }

    private TweepcredRunStatus? Find(long runId) =>
        _run?.RunId == runId ? _run.ToStatus() : state.State.Runs.LastOrDefault(r => r.RunId == runId);

    private void Replace(TweepcredRunStatus run)
    {
        var index = state.State.Runs.FindIndex(r => r.RunId == run.RunId);
        if (index >= 0)
        {
            state.State.Runs[index] = run;
        }
        else
        {
            state.State.Runs.Add(run);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = (int)Logging.DomainEventCode.TweepcredRunSucceeded, Level = LogLevel.Information,
            Message = "Tweepcred run {RunId}: {Users} users, {Edges} edges, {Iterations} iterations (delta {Delta}), {Partitions} partitions on {Silos} silos")]
        public static partial void RunSucceeded(ILogger logger, long runId, int users, long edges, int iterations, double delta, int partitions, int silos);

        [LoggerMessage(EventId = (int)Logging.DomainEventCode.TweepcredRunFailed, Level = LogLevel.Warning, Message = "Tweepcred run {RunId} failed")]
        public static partial void RunFailed(ILogger logger, Exception exception, long runId);

        [LoggerMessage(EventId = (int)Logging.DomainEventCode.TweepcredScheduledRunStarted, Level = LogLevel.Information,
            Message = "Daily tweepcred run started as job #{JobId}")]
        public static partial void ScheduledRunStarted(ILogger logger, long jobId);

        [LoggerMessage(EventId = (int)Logging.DomainEventCode.TweepcredScheduledRunSkipped, Level = LogLevel.Information,
            Message = "Daily tweepcred tick skipped: run {RunId} is running or this tick was handled")]
        public static partial void ScheduledRunSkipped(ILogger logger, long runId);

        [LoggerMessage(EventId = (int)Logging.DomainEventCode.TweepcredScheduleFailed, Level = LogLevel.Warning,
            Message = "Could not store the tweepcred run or register its daily reminder")]
        public static partial void ScheduleFailed(ILogger logger, Exception exception);
    }
}
