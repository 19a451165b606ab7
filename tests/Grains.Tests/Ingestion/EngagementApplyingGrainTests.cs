using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Ingestion;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Tests.Support;
using Recsys.Runtime;
using Recsys.Runtime.Storage;
using Recsys.Runtime.Testing;

namespace Recsys.Grains.Tests.Ingestion;

/// <summary>Grains checkpoint applied engagements every N events, after an interval, and on deactivation, never counting twice.</summary>
[Trait("Category", "Functional")]
[Trait("Area", "Ingestion")]
public sealed class EngagementApplyingGrainTests
{
    [Fact]
    public async Task A_post_checkpoints_after_the_interval_on_its_timer_and_records_it_in_the_log()
    {
        var time = new ManualTimeProvider(DomainSilo.Start);
        var log = new MemoryEngagementLog();
        await using var cluster = await DomainSilo.StartAsync(time, log: log);
        var (post, fan) = await PostWithFanAsync(cluster.GrainFactory);
        await Ingest(cluster.GrainFactory, Entities.Event(fan, EngagementAction.Like, post, DomainSilo.Start.AddMinutes(-1)));
        Assert.Equal(0, await StoredThroughAsync(cluster, post));

        time.Advance(IngestionOptions.DefaultCheckpointInterval);
        await cluster.GrainFactory.GetGrain<IPostGrain>(post).GetView(); // a turn after the timer's turn

        Assert.True(await StoredThroughAsync(cluster, post) > 0);
        var lagging = await log.FindLaggingAsync(DomainSilo.Start.AddDays(1), 10);
        Assert.DoesNotContain(new GrainCheckpointLag(LogStream.Post, post), lagging);
    }

    [Fact]
    public async Task A_post_checkpoints_every_n_events_and_a_graceful_restart_counts_nothing_twice()
    {
        await using var cluster = await DomainSilo.StartAsync(configure: silo => silo.Configure<IngestionOptions>(o => o.CheckpointEveryEvents = 3));
        var (post, fan) = await PostWithFanAsync(cluster.GrainFactory);
        var at = DomainSilo.Start.AddMinutes(-1);

        await Ingest(cluster.GrainFactory, Enumerable.Range(0, 2).Select(_ => Entities.Event(fan, EngagementAction.Click, post, at)).ToArray());
        var afterTwo = await StoredThroughAsync(cluster, post);
        await Ingest(cluster.GrainFactory, Entities.Event(fan, EngagementAction.Click, post, at));
        var afterThree = await StoredThroughAsync(cluster, post);
        await Ingest(cluster.GrainFactory, Entities.Event(fan, EngagementAction.Click, post, at));
        await cluster.RestartSiloAsync();

        Assert.Equal(0, afterTwo);
        Assert.True(afterThree > 0);
        Assert.Equal(4, (await cluster.GrainFactory.GetGrain<IPostGrain>(post).GetView()).Engagements.Total(EngagementAction.Click));
    }

    [Fact]
    public async Task The_silo_scheduler_checkpoints_every_dirty_grain_once_the_interval_passed()
    {
        var time = new ManualTimeProvider(DomainSilo.Start);
        var log = new MemoryEngagementLog();
        await using var cluster = await DomainSilo.StartAsync(time, log: log);
        var pairs = new List<(long Post, long Fan)>();
        var authors = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            var entities = new Entities(cluster.GrainFactory, DomainSilo.Start);
            var author = await entities.UserAsync();
            authors.Add(author);
            pairs.Add((await entities.PostAsync(author), await entities.UserAsync()));
        }

        await Ingest(cluster.GrainFactory, pairs.Select(p => Entities.Event(p.Fan, EngagementAction.Like, p.Post, DomainSilo.Start.AddMinutes(-1))).ToArray());
        var scheduler = cluster.Services.GetRequiredService<CheckpointScheduler>();
        Assert.True(scheduler.Pending >= pairs.Count * 3); // each post, its fan and its author (the subject)
        time.Advance(IngestionOptions.DefaultCheckpointInterval - TimeSpan.FromSeconds(1));
        var lagging = await LaggingAsync(log);
        Assert.All(pairs, p => Assert.Contains(new GrainCheckpointLag(LogStream.Post, p.Post), lagging));

        time.Advance(TimeSpan.FromSeconds(1));
        foreach (var (post, fan) in pairs)
        {
            await cluster.GrainFactory.GetGrain<IPostGrain>(post).GetView(); // a turn after the checkpoint's turn
            await cluster.GrainFactory.GetGrain<IUserGrain>(fan).GetActivity();
        }

        foreach (var author in authors)
        {
            await cluster.GrainFactory.GetGrain<IUserGrain>(author).GetActivity(); // the subject of its post's like
        }

        Assert.Empty(await LaggingAsync(log));
        foreach (var (post, _) in pairs)
        {
            Assert.True(await StoredThroughAsync(cluster, post) > 0);
        }

        Assert.Equal(0, scheduler.Pending);
    }

    [Fact]
    public async Task A_graceful_stop_checkpoints_every_dirty_grain_and_the_scheduler_drops_its_tickets()
    {
        var time = new ManualTimeProvider(DomainSilo.Start);
        var log = new MemoryEngagementLog();
        await using var cluster = await DomainSilo.StartAsync(time, silo => silo.Configure<IngestionOptions>(o => o.CheckpointEveryEvents = 2), log);
        var (post, fan) = await PostWithFanAsync(cluster.GrainFactory);
        var (other, otherFan) = await PostWithFanAsync(cluster.GrainFactory);
        var at = DomainSilo.Start.AddMinutes(-1);

        await Ingest(cluster.GrainFactory, Entities.Event(fan, EngagementAction.Click, post, at), Entities.Event(fan, EngagementAction.Click, post, at));
        await Ingest(cluster.GrainFactory, Entities.Event(otherFan, EngagementAction.Click, other, at));
        var checkpointed = await StoredThroughAsync(cluster, post);
        Assert.True(checkpointed > 0);
        Assert.Equal(0, await StoredThroughAsync(cluster, other));

        var scheduler = cluster.Services.GetRequiredService<CheckpointScheduler>();
        Assert.True(scheduler.Pending > 0);
        await cluster.StopSiloAsync(); // every activation checkpoints on deactivation; the scheduler drops its tickets
        Assert.Empty(await LaggingAsync(log));
        Assert.Equal(0, scheduler.Pending);
    }

    private static Task<IReadOnlyList<GrainCheckpointLag>> LaggingAsync(MemoryEngagementLog log) =>
        log.FindLaggingAsync(DomainSilo.Start.AddDays(1), 100);

    private static async Task<(long Post, long Fan)> PostWithFanAsync(IGrainFactory grains)
    {
        var entities = new Entities(grains, DomainSilo.Start);
        var author = await entities.UserAsync();
        return (await entities.PostAsync(author), await entities.UserAsync());
    }

    private static async Task<long> StoredThroughAsync(TestCluster cluster, long post)
    {
        var record = await cluster.Services.GetRequiredKeyedService<IGrainStorage>("Default").ReadAsync(GrainId.Create("post", post), "post");
        return System.Text.Json.JsonDocument.Parse(record!.Json!).RootElement.GetProperty("cursor").GetProperty("appliedThrough").GetInt64();
    }

    private static Task<IngestResult> Ingest(IGrainFactory grains, params EngagementEvent[] events) =>
        grains.GetGrain<IEngagementIngestGrain>(0).Ingest(events);
}
