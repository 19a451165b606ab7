using Microsoft.Extensions.Logging;
using Recsys.Grains.Interfaces.Admin;
using Recsys.Grains.Interfaces.Errors;
using Recsys.Runtime;
using Recsys.Runtime.Storage;

namespace Recsys.Grains.Admin.Jobs;

/// <summary>
/// The job registry: starts the jobs registered on the silo, off the grain's turn, and keeps their runs (status
/// changes are stored; progress lives in memory). Runs still marked running when the grain activates did not
/// survive a silo stop and are marked failed.
/// </summary>
[GrainType("jobs")]
public sealed partial class JobsGrain(
    [PersistentState("jobs")] IPersistentState<JobsState> state,
    IEnumerable<IJob> jobs,
    ILogger<JobsGrain> logger) : Grain, IJobsGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var interrupted = state.State.Runs.Where(r => r.Status is JobStatus.Queued or JobStatus.Running).ToArray();
        foreach (var run in interrupted)
        {
            Replace(run with { Status = JobStatus.Failed, Message = "the silo stopped while the job ran", FinishedAt = TimeProvider.GetUtcNow() });
        }

        if (interrupted.Length > 0)
        {
            await state.WriteStateAsync();
        }
    }

    public async Task<JobInfo> Start(string name, IReadOnlyDictionary<string, string> arguments)
    {
        var job = jobs.FirstOrDefault(j => j.Name == name)
            ?? throw new ValidationException("name", $"unknown job '{name}'; known jobs: {string.Join(", ", Names())}");
        var run = new JobInfo(++state.State.LastId, name, JobStatus.Queued, 0, null,
            new Dictionary<string, string>(arguments, StringComparer.Ordinal), TimeProvider.GetUtcNow(), null, null);
        state.State.Runs.Add(run);
        Trim();
        await state.WriteStateAsync();

        var self = this.AsReference<IJobsGrain>();
        var context = new JobContext(run.Id, run.Arguments, GrainFactory, (progress, message) => self.Report(run.Id, progress, message));
        _ = Task.Run(() => RunAsync(job, context, self)); // off this grain's turn: the job calls back through the runtime
        return run;
    }

    public Task<JobInfo> Get(long id) => Task.FromResult(Find(id));

    public Task<IReadOnlyList<JobInfo>> List() => Task.FromResult<IReadOnlyList<JobInfo>>(state.State.Runs.AsEnumerable().Reverse().ToArray());

    public Task<IReadOnlyList<string>> GetJobNames() => Task.FromResult<IReadOnlyList<string>>(Names());

    public async Task Report(long id, double progress, string? message)
    {
        var run = Find(id);
        var started = run.Status == JobStatus.Queued;
        Replace(run with { Status = JobStatus.Running, Progress = progress, Message = message ?? run.Message, StartedAt = run.StartedAt ?? TimeProvider.GetUtcNow() });
        if (started)
        {
            await state.WriteStateAsync();
        }
    }

    public async Task Finish(long id, bool succeeded, string? message)
    {
        var run = Find(id);
        var now = TimeProvider.GetUtcNow();
        Replace(run with
        {
            Status = succeeded ? JobStatus.Succeeded : JobStatus.Failed,
            Progress = succeeded ? 1 : run.Progress,
            Message = message ?? run.Message,
            StartedAt = run.StartedAt ?? now,
            FinishedAt = now,
        });
        await state.WriteStateAsync();
    }

    private async Task RunAsync(IJob job, JobContext context, IJobsGrain self)
    {
        try
        {
            await context.ReportAsync(0, "started");
            await job.RunAsync(context);
            Log.Succeeded(logger, job.Name, context.JobId);
            await self.Finish(context.JobId, true, null);
        }
        catch (Exception exception)
        {
            Log.Failed(logger, exception, job.Name, context.JobId);
            await self.Finish(context.JobId, false, exception.Message);
        }
    }

    private IReadOnlyList<string> Names() => jobs.Select(j => j.Name).Order(StringComparer.Ordinal).ToArray();

    private JobInfo Find(long id) => state.State.Runs.FirstOrDefault(r => r.Id == id) ?? throw new UnknownEntityException(EntityKind.Job, id, "id");

    private void Replace(JobInfo run) => state.State.Runs[state.State.Runs.FindIndex(r => r.Id == run.Id)] = run;

    private void Trim()
    {
        while (state.State.Runs.Count > JobsState.MaxRuns && state.State.Runs.FindIndex(r => r.FinishedAt is not null) is var oldest and >= 0)
        {
            state.State.Runs.RemoveAt(oldest);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = (int)Logging.DomainEventCode.JobSucceeded, Level = LogLevel.Information, Message = "Job {Name} #{Id} succeeded")]
        public static partial void Succeeded(ILogger logger, string name, long id);

        [LoggerMessage(EventId = (int)Logging.DomainEventCode.JobFailed, Level = LogLevel.Warning, Message = "Job {Name} #{Id} failed")]
        public static partial void Failed(ILogger logger, Exception exception, string name, long id);
    }
}
