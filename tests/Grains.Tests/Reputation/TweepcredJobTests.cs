using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Recsys.Grains.Interfaces.Admin;
using Recsys.Grains.Interfaces.Reputation;
using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Reputation;
using Recsys.Grains.Reputation.Cluster;
using Recsys.Grains.Tests.Support;
using Recsys.Runtime;
using Recsys.Runtime.Reminders;
using Recsys.Runtime.Testing;

namespace Recsys.Grains.Tests.Reputation;

/// <summary>The "tweepcred" job through the job registry, one run at a time, and its daily reminder, on a manual clock.</summary>
[Trait("Category", "Functional")]
[Trait("Area", "Tweepcred")]
public sealed class TweepcredJobTests
{
    private static readonly TweepcredOptions Options = new() { ReferencePopulation = TweepcredCluster.ReferencePopulation };

    [Fact]
    public async Task StartedThroughTheJobRegistryItReportsEachIterationReachesProgressOneAndTheScoreShowsOnTheUser()
    {
        await using var cluster = await TweepcredCluster.StartAsync(1, new ManualTimeProvider(DomainSilo.Start));
        var graph = TweepcredTestGraph.Generate(150, seed: 3, DomainSilo.Start);
        await graph.LoadAsync(cluster.GrainFactory);
        var jobs = cluster.GrainFactory.GetGrain<IJobsGrain>(0);

        var started = await jobs.Start(TweepcredJob.JobName, new Dictionary<string, string> { ["partitions"] = "3" });
        var done = await cluster.Signals().WhenFinished(cluster, started.Id);
        var reports = cluster.Signals().Reports.Where(r => r.JobId == started.Id).ToArray();
        var run = await cluster.GrainFactory.GetGrain<ITweepcredCoordinatorGrain>(0).GetLastRun();

        Assert.Equal((JobStatus.Succeeded, 1d), (done.Status, done.Progress));
        Assert.Contains($"{graph.Users.Length} users", done.Message);
        Assert.NotNull(run);
        Assert.Equal((started.Id, 3, "job"), (run.JobId, run.Partitions, run.Trigger));
        Assert.Equal(["load", "exchange", "build", "iterate", "write"], run.PhaseSeconds.Select(p => p.Phase));
        Assert.True(run.Iterations == reports.Count(r => r.Message?.StartsWith("iteration ", StringComparison.Ordinal) == true), string.Join("\n", reports));
        Assert.Equal(reports.Select(r => r.Progress).Order(), reports.Select(r => r.Progress));
        Assert.Equal(1, reports[^1].Progress);

        var expected = graph.Expected(DomainSilo.Start, Options);
        TweepcredTestGraph.AssertMatches(expected, await cluster.GrainFactory.ScoresAsync(graph.Users.Select(u => u.Id)));
        var user = expected.Users.MaxBy(u => u.Tweepcred)!;
        var viewer = graph.Users[^1].Id;
        Assert.Equal(user.Tweepcred, (await cluster.GrainFactory.GetGrain<IUserGrain>(user.UserId).GetProfile()).Tweepcred);
        Assert.Equal(user.Tweepcred, (await cluster.GrainFactory.GetGrain<IUserGrain>(user.UserId).GetViewerContext()).Tweepcred);
        Assert.Equal(user.Tweepcred, (await cluster.GrainFactory.GetGrain<IUserRankingGrain>(user.UserId).GetAuthorFacts(viewer)).Tweepcred);
    }

    [Fact]
    public async Task WhileARunIsGoingAnotherStartFailsAndADailyTickIsSkippedAndTheFirstRunStillSucceeds()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var time = new ManualTimeProvider(DomainSilo.Start);
        await using var cluster = await TweepcredCluster.StartAsync(1, time, silo => silo.Services.Replace(ServiceDescriptor.Singleton<ITweepcredGraphStore>(
            sp => new GatedStore(new UserGrainGraphStore(sp.GetRequiredService<IGrainFactory>()), gate.Task))));
        var graph = TweepcredTestGraph.Generate(60, seed: 5, DomainSilo.Start);
        await graph.LoadAsync(cluster.GrainFactory);
        var jobs = cluster.GrainFactory.GetGrain<IJobsGrain>(0);
        var coordinator = cluster.GrainFactory.GetGrain<ITweepcredCoordinatorGrain>(0);

        var first = await coordinator.Start(new TweepcredRunRequest(null, 2, "test"));
        var second = await jobs.Start(TweepcredJob.JobName, new Dictionary<string, string>());
        var refused = await cluster.Signals().WhenFinished(cluster, second.Id);
        await coordinator.ReceiveReminder(TweepcredCoordinatorGrain.DailyReminder, new TickStatus(time.GetUtcNow(), TimeSpan.FromDays(1), time.GetUtcNow()));
        gate.SetResult();
        var done = await coordinator.WaitAsync(first);

        Assert.Equal(JobStatus.Failed, refused.Status);
        Assert.Contains($"tweepcred run {first.RunId}", refused.Message);
        Assert.Single(await jobs.List()); // the tick started no job
        Assert.Equal(TweepcredRunState.Succeeded, done.State);
        TweepcredTestGraph.AssertMatches(graph.Expected(DomainSilo.Start, Options), await cluster.GrainFactory.ScoresAsync(graph.Users.Select(u => u.Id)));
    }

    [Fact]
    public async Task TheDailyReminderStartsTheJobOnceADayThroughTheRegistryAndARepeatedTickIsIgnored()
    {
        var time = new ManualTimeProvider(DomainSilo.Start);
        await using var cluster = await TweepcredCluster.StartAsync(1, time);
        var graph = TweepcredTestGraph.Generate(80, seed: 9, DomainSilo.Start);
        await graph.LoadAsync(cluster.GrainFactory);
        var jobs = cluster.GrainFactory.GetGrain<IJobsGrain>(0);
        var coordinator = cluster.GrainFactory.GetGrain<ITweepcredCoordinatorGrain>(0);

        var registered = await coordinator.EnsureScheduled();
        var again = await coordinator.EnsureScheduled();
        time.Advance(TimeSpan.FromHours(15)); // Monday 12:00 to Tuesday 03:00 UTC, the default DailyAt
        var firstDay = await cluster.Signals().WhenFinished(cluster, 1);
        var tick = (await coordinator.GetLastRun())!.AsOf;
        await coordinator.ReceiveReminder(TweepcredCoordinatorGrain.DailyReminder, new TickStatus(tick, TimeSpan.FromDays(1), tick.AddSeconds(1)));
        var afterRepeat = await jobs.List();
        time.Advance(TimeSpan.FromDays(1));
        var secondDay = await cluster.Signals().WhenFinished(cluster, 2);

        Assert.Equal((true, false), (registered, again));
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 3, 0, 0, TimeSpan.Zero), tick);
        Assert.Equal((TweepcredJob.JobName, JobStatus.Succeeded, "reminder"), (firstDay.Name, firstDay.Status, firstDay.Arguments["trigger"]));
        Assert.Single(afterRepeat);
        Assert.Equal((TweepcredJob.JobName, JobStatus.Succeeded), (secondDay.Name, secondDay.Status));
        var last = (await coordinator.GetLastRun())!;
        Assert.Equal((2L, "reminder", DomainSilo.Start.AddHours(15).AddDays(1)), (last.RunId, last.Trigger, last.AsOf));
        var scores = await cluster.GrainFactory.ScoresAsync(graph.Users.Select(u => u.Id));
        Assert.All(scores.Values, s => Assert.Equal(2, s!.RunId));
    }

    /// <summary>Holds the first read of every partition until the test opens the gate.</summary>
    private sealed class GatedStore(ITweepcredGraphStore inner, Task gate) : ITweepcredGraphStore
    {
        public async IAsyncEnumerable<TweepcredUserBatch> ReadPartitionAsync(TweepcredReadScope scope, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await gate;
            await foreach (var batch in inner.ReadPartitionAsync(scope, cancellationToken))
            {
                yield return batch;
            }
        }

        public Task WriteScoresAsync(TweepcredReadScope scope, IReadOnlyList<long> userIds, IReadOnlyList<UserReputation> scores) =>
            inner.WriteScoresAsync(scope, userIds, scores);
    }
}
