using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Ingestion;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Posts;
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
