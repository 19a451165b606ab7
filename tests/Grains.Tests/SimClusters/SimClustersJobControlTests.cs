using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Admin;
using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Sample;
using Recsys.Grains.SimClusters;
using Recsys.Grains.Tests.Support;
using Recsys.Runtime.Testing;

namespace Recsys.Grains.Tests.SimClusters;

/// <summary>The simclusters job under control: one run at a time, warm re-runs from the stored assignment, the schedule.</summary>
[Trait("Category", "Functional")]
[Trait("Area", "SimClusters")]
public sealed class SimClustersJobControlTests
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    [Fact]
    public async Task The_job_is_registered_and_a_second_run_while_one_holds_the_model_fails_without_effect()
    {
        await using var cluster = await SimClustersCluster.StartAsync();
        await LoadSampleAsync(cluster, users: 200);
        var jobs = cluster.GrainFactory.GetGrain<IJobsGrain>(0);
        var listing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        cluster.Signals().Before = async call =>
        {
            if (call.InterfaceType == typeof(IUserIndexGrain) && call.MethodName == nameof(IUserIndexGrain.GetUserIds))
            {
                listing.TrySetResult();
                await gate.Task;
            }
        };

        var first = await jobs.Start("simclusters", new Dictionary<string, string>());
        await listing.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var running = await jobs.Get(first.Id);
        var second = await cluster.RunJobAsync();
        gate.SetResult();
        var done = await cluster.WhenJobFinished(first.Id);
        var model = await cluster.GrainFactory.GetGrain<ISimClustersModelGrain>(0).GetView();

        Assert.Contains("simclusters", await jobs.GetJobNames());
        Assert.Equal((JobStatus.Running, "listing users"), (running.Status, running.Message));
        Assert.Equal(JobStatus.Failed, second.Status);
        Assert.Contains($"#{first.Id} is still running", second.Message);
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.StartsWith("model version 1:", done.Message);
        Assert.Equal((1, (long?)null, first.Id), (model.ModelVersion, model.RunningJobId, Assert.Single(model.RecentRuns).JobId));
    }

    [Fact]
    public async Task On_an_empty_service_the_job_succeeds_with_an_empty_model_and_bad_arguments_fail_it()
    {
        await using var cluster = await SimClustersCluster.StartAsync();

        var empty = await cluster.RunJobAsync();
        var bad = await cluster.RunJobAsync(new() { ["epochs"] = "0" });
        var view = await cluster.GrainFactory.GetGrain<ISimClustersModelGrain>(0).GetView();

        Assert.Equal(JobStatus.Succeeded, empty.Status);
        Assert.Equal((1, 0, (long?)null), (view.ModelVersion, view.ClusteredProducers, view.RunningJobId));
        Assert.Equal(JobStatus.Failed, bad.Status);
        Assert.Contains("Epochs must be positive", bad.Message);
    }

    [Fact]
    public async Task A_rerun_after_a_restart_starts_from_the_stored_assignment()
    {
        var log = new MemoryEngagementLog();
        await using var cluster = await SimClustersCluster.StartAsync(log: log);
        var inputs = await LoadSampleAsync(cluster, users: 400);
        var first = await cluster.RunJobAsync();
        var stored = await cluster.GrainFactory.GetGrain<ISimClustersModelGrain>(0).GetKnownFor();

        await cluster.RestartSiloAsync();
        var second = await cluster.RunJobAsync(new() { ["seed"] = "9" }); // another seed: a cold start would renumber
        var model = cluster.GrainFactory.GetGrain<ISimClustersModelGrain>(0);
        var rerun = await model.GetKnownFor();
        var view = await model.GetView();

        Assert.Equal((JobStatus.Succeeded, JobStatus.Succeeded), (first.Status, second.Status));
        Assert.Equal((1, 2), (stored!.ModelVersion, rerun!.ModelVersion));
        Assert.Equal([true, false], view.RecentRuns.Select(r => r.WarmStart));
        var before = Labels(stored);
        var kept = Labels(rerun).Count(l => before.TryGetValue(l.Key, out var c) && c == l.Value);
        Assert.True(kept >= before.Count * 0.9, $"{kept} of {before.Count} producers kept their community id");

        // Without the stored assignment the same seed numbers the communities differently.
        var options = new SimClustersOptions { Seed = 9 };
        var cold = SimClustersComputation.Run(inputs, previous: null, options).KnownFor.Labels();
        var coldKept = cold.Count(l => before.TryGetValue(l.Key, out var c) && c == l.Value);
        Assert.True(coldKept < before.Count * 0.5, $"a cold start kept {coldKept} of {before.Count} ids");
    }

    [Fact]
    public async Task A_completed_run_schedules_the_next_one_with_a_durable_reminder()
    {
        var time = new ManualTimeProvider(DomainSilo.Start);
        await using var cluster = await SimClustersCluster.StartAsync(time, silo => silo.Configure<SimClustersOptions>(o => o.RunEvery = Every));
        await LoadSampleAsync(cluster, users: 150);
        var model = cluster.GrainFactory.GetGrain<ISimClustersModelGrain>(0);
        var before = await model.GetView();

        await cluster.RunJobAsync();
        var scheduled = await model.GetView();
        await cluster.RestartSiloAsync();
        time.Advance(Every);
        var rerun = await cluster.WhenJobFinished(2);
        var after = await cluster.GrainFactory.GetGrain<ISimClustersModelGrain>(0).GetView();

        Assert.Null(before.RunEvery);
        Assert.Equal((1, Every), (scheduled.ModelVersion, scheduled.RunEvery));
        Assert.Equal(("simclusters", JobStatus.Succeeded, "schedule"), (rerun.Name, rerun.Status, rerun.Arguments["trigger"]));
        Assert.Equal(2, after.ModelVersion);
    }

    private static Dictionary<long, int> Labels(KnownForSnapshot snapshot) =>
        Enumerable.Range(0, snapshot.Producers.Count).ToDictionary(i => snapshot.Producers[i], i => snapshot.Communities[i]);

    /// <summary>Loads a sample's users and follows (no posts); returns the job's view of it.</summary>
    private static async Task<UserSimClustersInput[]> LoadSampleAsync(TestCluster cluster, int users)
    {
        var data = SampleGenerator.Generate(new SampleOptions { Users = users }, DomainSilo.Start) with { Posts = [], Engagements = [] };
        await cluster.Services.GetRequiredService<SampleLoader>().LoadAsync(data, (_, _) => Task.CompletedTask);
        var follows = data.Follows.ToLookup(f => f.FollowerId, f => f.FolloweeId);
        return data.Users.Select(u => new UserSimClustersInput(u.Profile.Id, follows[u.Profile.Id].Order().ToArray(), [])).ToArray();
    }
}
