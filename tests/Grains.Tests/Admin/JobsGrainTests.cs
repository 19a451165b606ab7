using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Admin.Jobs;
using Recsys.Grains.Interfaces.Admin;
using Recsys.Grains.Interfaces.Errors;
using Recsys.Grains.Tests.Support;
using Recsys.Runtime.Filters;
using Recsys.Runtime.Testing;

namespace Recsys.Grains.Tests.Admin;

[Trait("Category", "Functional")]
[Trait("Area", "Admin")]
public sealed class JobsGrainTests
{
    [Fact]
    public async Task A_started_job_reports_progress_and_succeeds()
    {
        var job = new GatedJob();
        await using var cluster = await StartAsync(job);
        var jobs = cluster.GrainFactory.GetGrain<IJobsGrain>(0);

        var run = await jobs.Start("gated", new Dictionary<string, string> { ["size"] = "3" });
        await job.Reported.Task;
        var running = await jobs.Get(run.Id);
        job.Gate.SetResult();
        var done = await WhenFinished(cluster, run.Id);

        Assert.Equal((JobStatus.Queued, "3"), (run.Status, run.Arguments["size"]));
        Assert.Equal((JobStatus.Running, 0.5, "halfway"), (running.Status, running.Progress, running.Message));
        Assert.Equal((JobStatus.Succeeded, 1d), (done.Status, done.Progress));
        Assert.NotNull(done.FinishedAt);
    }

    [Fact]
    public async Task An_unknown_job_name_is_refused_listing_the_known_ones_and_a_failing_job_fails_with_its_message()
    {
        await using var cluster = await StartAsync(new FailingJob());
        var jobs = cluster.GrainFactory.GetGrain<IJobsGrain>(0);

        var unknown = await Assert.ThrowsAsync<ValidationException>(() => jobs.Start("nope", new Dictionary<string, string>()));
        var run = await jobs.Start("failing", new Dictionary<string, string>());
        var failed = await WhenFinished(cluster, run.Id);
        var missing = await Assert.ThrowsAsync<UnknownEntityException>(() => jobs.Get(run.Id + 100));

        Assert.Equal("name", unknown.Field);
        Assert.Contains("failing, load-sample, prune-engagement-log", unknown.Problem);
        Assert.Equal((JobStatus.Failed, "boom"), (failed.Status, failed.Message));
        Assert.Equal(EntityKind.Job, missing.Kind);
    }

    private static Task<TestCluster> StartAsync(IJob job) => DomainSilo.StartAsync(configure: silo =>
    {
        silo.Services.AddSingleton(job);
        silo.AddIncomingGrainCallFilter<FinishSignals>();
    });

    private static async Task<JobInfo> WhenFinished(TestCluster cluster, long id)
    {
        await cluster.Services.GetServices<IIncomingGrainCallFilter>().OfType<FinishSignals>().Single().Finished(id).WaitAsync(TimeSpan.FromSeconds(30));
        return await cluster.GrainFactory.GetGrain<IJobsGrain>(0).Get(id);
    }

    /// <summary>Signals once the registry has recorded a run's end.</summary>
    private sealed class FinishSignals : IIncomingGrainCallFilter
    {
        private readonly ConcurrentDictionary<long, TaskCompletionSource> _finished = new();

        public Task Finished(long id) => Signal(id).Task;

        public async Task Invoke(IIncomingGrainCallContext context)
        {
            await context.Invoke();
            if (context.InterfaceType == typeof(IJobsGrain) && context.MethodName == nameof(IJobsGrain.Finish))
            {
                Signal((long)context.GetArgument(0)!).TrySetResult();
            }
        }

        private TaskCompletionSource Signal(long id) => _finished.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    private sealed class GatedJob : IJob
    {
        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Reported { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "gated";

        public string Description => "waits for the test";

        public async Task RunAsync(JobContext context)
        {
            await context.ReportAsync(0.5, "halfway");
            Reported.SetResult();
            await Gate.Task;
        }
    }

    private sealed class FailingJob : IJob
    {
        public string Name => "failing";

        public string Description => "throws";

        public Task RunAsync(JobContext context) => throw new InvalidOperationException("boom");
    }
}
