using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Hosting;
using Recsys.Grains.Ingestion;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Tests.Support;
using Recsys.Runtime;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Testing;

namespace Recsys.Grains.Tests.Ingestion;

/// <summary>
/// Durability: a batch appended to the log survives a silo killed before any grain applied it (and grains that had
/// applied events without checkpointing lose nothing either); every event counts exactly once after the restart,
/// and a client retrying the unacknowledged batch changes nothing.
/// </summary>
[Trait("Category", "Functional")]
[Trait("Area", "Ingestion")]
public sealed class EngagementReplayTests
{
    [Fact]
    public async Task Every_event_counts_exactly_once_after_a_kill_between_append_and_apply_on_sqlite()
    {
        using var database = new TemporaryDatabase();
        await EveryEventCountsExactlyOnceAfterAKill(silo =>
        {
            silo.AddSqliteGrainStorage("Default", o => o.FilePath = database.FilePath);
            silo.UseSqliteReminders(o => o.FilePath = database.FilePath);
            silo.UseSqliteEngagementLog(database.FilePath);
        });
    }

    [SkippableFact]
    public async Task Every_event_counts_exactly_once_after_a_kill_between_append_and_apply_on_postgres()
    {
        var connectionString = PostgresTestDatabase.GetConnectionStringOrSkip();
        var serviceId = "crash-" + Guid.NewGuid().ToString("N");
        await EveryEventCountsExactlyOnceAfterAKill(silo =>
        {
            silo.Configure<ClusterOptions>(o => o.ServiceId = serviceId);
            silo.AddPostgresGrainStorage("Default", o => o.ConnectionString = connectionString);
            silo.UsePostgresReminders(o => o.ConnectionString = connectionString);
            silo.UsePostgresEngagementLog(connectionString);
        });
    }

    [Fact]
    public async Task On_sqlite_each_delivery_moves_its_grains_replay_bound_without_a_checkpoint()
    {
        using var database = new TemporaryDatabase();
        await using var silo = await CrashableSilo.StartAsync(silo =>
        {
            silo.UseTimeProvider(new ManualTimeProvider(DomainSilo.Start)); // no checkpoint comes due
            silo.AddSqliteGrainStorage("Default", o => o.FilePath = database.FilePath);
            silo.UseSqliteReminders(o => o.FilePath = database.FilePath);
            silo.UseSqliteEngagementLog(database.FilePath);
            silo.AddRecsysDomain();
            silo.Configure<IngestionOptions>(o => o.CheckpointEveryEvents = 1_000);
        });
        var entities = new Entities(silo.GrainFactory, DomainSilo.Start);
        var (author, fans) = (await entities.UserAsync(), await entities.UsersAsync(2));
        var post = await entities.PostAsync(author);
        var at = DomainSilo.Start.AddMinutes(-30);

        // Three batches; the log tells each event's grains which of their events came just before it.
        foreach (var action in new[] { EngagementAction.Impression, EngagementAction.Like, EngagementAction.Click })
        {
            Assert.Equal(2, (await Ingest(silo.GrainFactory, fans.Select(f => Entities.Event(f, action, post, at)).ToArray())).Accepted);
        }

        var log = silo.Services.GetRequiredService<IEngagementLog>();
        var rows = await log.ReadAllAsync(0, 100);
        Assert.Equal(6, rows.Count);
        Assert.Equal(rows[^1].Sequence, (await silo.GrainFactory.GetGrain<IPostGrain>(post).GetView()).AppliedThrough);
        Assert.Equal(rows[^1].Sequence, (await silo.GrainFactory.GetGrain<IUserGrain>(author).GetActivity()).AppliedThrough);
        foreach (var fan in fans)
        {
            var last = rows.Last(r => r.UserId == fan).Sequence;
            Assert.Equal(last, (await silo.GrainFactory.GetGrain<IUserGrain>(fan).GetActivity()).AppliedThrough);
        }
    }

    private static async Task EveryEventCountsExactlyOnceAfterAKill(Action<SiloBuilder> storage)
    {
        var hooks = new CrashAfterAppend();
        Task<CrashableSilo> Start() => CrashableSilo.StartAsync(silo =>
        {
            silo.UseTimeProvider(new ManualTimeProvider(DomainSilo.Start)); // a fresh clock: the dead silo's timers never fire
            storage(silo);
            silo.AddRecsysDomain();
            silo.Services.AddSingleton<IIngestionHooks>(hooks);
            silo.Configure<IngestionOptions>(o => o.CheckpointEveryEvents = 5); // the post checkpoints mid-way, the fans do not
        });

        var silo = await Start();
        var entities = new Entities(silo.GrainFactory, DomainSilo.Start);
        var author = await entities.UserAsync();
        var fans = await entities.UsersAsync(3);
        var post = await entities.PostAsync(author);
        var at = DomainSilo.Start.AddMinutes(-30);
        var applied = fans.SelectMany(f => new[] { EngagementAction.Impression, EngagementAction.Like, EngagementAction.Click, EngagementAction.Dwell }
            .Select(a => Entities.Event(f, a, post, at))).ToArray();
        var unacknowledged = fans.SelectMany(f => new[] { EngagementAction.Repost, EngagementAction.Reply }
            .Select(a => Entities.Event(f, a, post, at.AddMinutes(1)))).ToArray();

        Assert.Equal(12, (await Ingest(silo.GrainFactory, applied)).Accepted);
        hooks.Armed = true;
        await Assert.ThrowsAsync<InvalidOperationException>(() => Ingest(silo.GrainFactory, unacknowledged));
        await silo.KillAsync();

        hooks.Armed = false;
        await using var restarted = await Start();
        await AssertCountedOnce(restarted.GrainFactory, post, author, fans);

        var retry = await Ingest(restarted.GrainFactory, unacknowledged);
        Assert.Equal((0, unacknowledged.Length), (retry.Accepted, retry.Duplicates));
        await AssertCountedOnce(restarted.GrainFactory, post, author, fans);
    }

    private static async Task AssertCountedOnce(IGrainFactory grains, long post, long author, long[] fans)
    {
        var received = (await grains.GetGrain<IPostGrain>(post).GetView()).Engagements;
        foreach (var action in new[] { EngagementAction.Impression, EngagementAction.Like, EngagementAction.Click, EngagementAction.Dwell, EngagementAction.Repost, EngagementAction.Reply })
        {
            Assert.Equal(fans.Length, received.Total(action));
        }

        Assert.Equal(fans.Length * 6, (await grains.GetGrain<IUserGrain>(author).GetActivity()).AsAuthor.Actions.Sum(a => a.Total));
        foreach (var fan in fans)
        {
            var activity = await grains.GetGrain<IUserGrain>(fan).GetActivity();
            Assert.Equal(6, activity.AsActor.Actions.Sum(a => a.Total));
            Assert.Equal(6, activity.Authors.Single().Aggregate.Actions.Sum(a => a.Total));
        }
    }

    private static Task<IngestResult> Ingest(IGrainFactory grains, EngagementEvent[] events) =>
        grains.GetGrain<IEngagementIngestGrain>(0).Ingest(events);

    private sealed class CrashAfterAppend : IIngestionHooks
    {
        public volatile bool Armed;

        public Task AfterAppendAsync(IReadOnlyList<LoggedEngagement> appended) =>
            Armed ? throw new InvalidOperationException("the silo died after the append") : Task.CompletedTask;
    }
}
