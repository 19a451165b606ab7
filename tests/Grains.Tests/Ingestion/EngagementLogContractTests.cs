using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Tests.Support;

namespace Recsys.Grains.Tests.Ingestion;

/// <summary>The contract every event log keeps; run against memory, SQLite and PostgreSQL.</summary>
public abstract class EngagementLogContractTests
{
    protected static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    protected abstract IEngagementLog CreateLog();

    [SkippableFact]
    public async Task Appending_assigns_increasing_sequences_and_a_known_id_is_a_duplicate()
    {
        var log = CreateLog();
        var like = Pending(1, EngagementAction.Like, post: 10, subject: 2, id: "a");

        var first = await log.AppendAsync([like, Pending(1, EngagementAction.Click, post: 10, subject: 2, id: "b")], Now);
        var second = await log.AppendAsync([Pending(3, EngagementAction.Login, id: "c"), like], Now);

        Assert.True(first[0] > 0 && first[1] > first[0] && second[0] > first[1]);
        Assert.Equal(0, second[1]);
    }

    [SkippableFact]
    public async Task An_id_repeated_within_a_batch_is_logged_once_and_every_field_reads_back()
    {
        var log = CreateLog();
        var dwell = Pending(5, EngagementAction.Dwell, post: 11, subject: 6, value: 1234.5, id: "twice \"quoted\" é");

        var sequences = await log.AppendAsync([dwell, Pending(5, EngagementAction.Like, post: 11, subject: 6, id: "twice \"quoted\" é"), Pending(7, EngagementAction.Follow, target: 5, subject: 5, id: "other")], Now);

        Assert.True(sequences[0] > 0 && sequences[2] > sequences[0]);
        Assert.Equal(0, sequences[1]);
        var read = Assert.Single(await log.ReadAsync(LogStream.Post, 11, 0, 10));
        Assert.Equal((sequences[0], "twice \"quoted\" é", 5L, EngagementAction.Dwell, (long?)11, (long?)null, (long?)6, dwell.Event.Time, (double?)1234.5),
            (read.Sequence, read.EventId, read.UserId, read.Action, read.PostId, read.TargetUserId, read.SubjectId, read.Time, read.Value));
        var follow = Assert.Single(await log.ReadAsync(LogStream.User, 7, 0, 10));
        Assert.Equal(((long?)5, (long?)5, (double?)null), (follow.TargetUserId, follow.SubjectId, follow.Value));
    }

    [SkippableFact]
    public async Task Concurrent_appends_get_distinct_sequences_and_every_event_reads_back_in_order()
    {
        var log = CreateLog();

        var batches = await Task.WhenAll(Enumerable.Range(0, 8).Select(b => Task.Run(() => log.AppendAsync(
            Enumerable.Range(0, 50).Select(i => Pending(77, EngagementAction.Login, id: $"concurrent-{b}-{i}")).ToArray(), Now))));

        var sequences = batches.SelectMany(s => s).ToArray();
        Assert.All(sequences, s => Assert.True(s > 0));
        Assert.Equal(400, sequences.Distinct().Count());
        var read = await log.ReadAsync(LogStream.User, 77, 0, 1_000);
        Assert.Equal(sequences.Order(), read.Select(e => e.Sequence));
    }

    [SkippableFact]
    public async Task A_small_batch_after_a_large_one_logs_exactly_its_own_events()
    {
        var log = CreateLog();
        var large = await log.AppendAsync(Enumerable.Range(0, 3_000).Select(i => Pending(90, EngagementAction.Click, post: 91, subject: 92, id: $"large-{i}")).ToArray(), Now);
        var small = await log.AppendAsync([Pending(93, EngagementAction.Like, post: 94, subject: 95, id: "small")], Now);

        Assert.All(large, s => Assert.True(s > 0));
        Assert.Equal(3_000, (await log.ReadAsync(LogStream.Post, 91, 0, 5_000)).Count);
        var read = Assert.Single(await log.ReadAsync(LogStream.Post, 94, 0, 10));
        Assert.Equal((small[0], "small", 93L, EngagementAction.Like), (read.Sequence, read.EventId, read.UserId, read.Action));
        Assert.Equal(small[0], (await log.ReadAllAsync(large[^1], 10)).Single().Sequence);
    }

    [SkippableFact]
    public async Task A_post_reads_its_events_and_a_user_reads_those_it_made_or_is_the_subject_of_in_order()
    {
        var log = CreateLog();
        var s = await log.AppendAsync(
        [
            Pending(1, EngagementAction.Like, post: 10, subject: 2),
            Pending(2, EngagementAction.Follow, target: 1, subject: 1),
            Pending(3, EngagementAction.Like, post: 11, subject: 4),
            Pending(1, EngagementAction.Dwell, post: 11, subject: 4, value: 1500),
        ], Now);

        var post = await log.ReadAsync(LogStream.Post, 11, 0, 10);
        var user = await log.ReadAsync(LogStream.User, 1, 0, 10);
        var tail = await log.ReadAsync(LogStream.User, 1, s[1], 1);

        Assert.Equal([s[2], s[3]], post.Select(e => e.Sequence));
        Assert.Equal([s[0], s[1], s[3]], user.Select(e => e.Sequence));
        Assert.Equal(s[3], Assert.Single(tail).Sequence);
        var dwell = user[^1];
        Assert.Equal((EngagementAction.Dwell, 11L, 4L, 1500d, Now.AddMinutes(-1)), (dwell.Action, dwell.PostId!.Value, dwell.SubjectId!.Value, dwell.Value!.Value, dwell.Time));
    }

    [SkippableFact]
    public async Task Old_rows_are_pruned_only_once_every_grain_they_touch_has_checkpointed_them()
    {
        var log = CreateLog();
        var s = await log.AppendAsync([Pending(1, EngagementAction.Like, post: 10, subject: 2)], Now.AddDays(-8));
        var later = await log.AppendAsync([Pending(1, EngagementAction.Click, post: 10, subject: 2)], Now);

        Assert.Equal(3, (await log.FindLaggingAsync(Now.AddDays(-7), 10)).Count);
        await log.RecordCheckpointAsync(LogStream.User, 1, s[0]);
        await log.RecordCheckpointAsync(LogStream.Post, 10, later[0]);
        Assert.Equal(0, await log.PruneAsync(Now.AddDays(-7)));
        Assert.Equal([new GrainCheckpointLag(LogStream.User, 2)], await log.FindLaggingAsync(Now.AddDays(-7), 10));

        await log.RecordCheckpointAsync(LogStream.User, 2, s[0]);
        await log.RecordCheckpointAsync(LogStream.User, 2, 0); // a checkpoint never moves back
        Assert.Equal(1, await log.PruneAsync(Now.AddDays(-7)));
        Assert.Equal([later[0]], (await log.ReadAsync(LogStream.User, 2, s[0], 10)).Select(e => e.Sequence));
        Assert.Equal([later[0]], (await log.ReadAllAsync(0, 10)).Select(e => e.Sequence));
    }

    [SkippableFact]
    public async Task A_replay_above_the_recorded_checkpoint_reads_every_later_event_of_the_grain()
    {
        var log = CreateLog();
        var before = await log.AppendAsync([Pending(1, EngagementAction.Like, post: 10, subject: 2), Pending(3, EngagementAction.Like, post: 10, subject: 2)], Now);
        await log.RecordCheckpointAsync(LogStream.Post, 10, before[1]);
        await log.RecordCheckpointAsync(LogStream.User, 2, before[0]);

        var after = await log.AppendAsync([Pending(5, EngagementAction.Click, post: 10, subject: 2), Pending(2, EngagementAction.Login)], Now);

        Assert.Equal([after[0]], (await log.ReadAsync(LogStream.Post, 10, before[1], 10)).Select(e => e.Sequence));
        Assert.Equal([before[1], after[0], after[1]], (await log.ReadAsync(LogStream.User, 2, before[0], 10)).Select(e => e.Sequence));
        Assert.Equal([before[0]], (await log.ReadAsync(LogStream.User, 1, 0, 10)).Select(e => e.Sequence));
    }

    [SkippableFact]
    public async Task Reading_all_pages_through_every_event_in_order_whatever_the_checkpoints()
    {
        var log = CreateLog();
        var s = await log.AppendAsync(
        [
            Pending(1, EngagementAction.Like, post: 10, subject: 2),
            Pending(2, EngagementAction.Follow, target: 1, subject: 1),
            Pending(1, EngagementAction.Click, post: 11, subject: 4),
        ], Now);
        await log.RecordCheckpointAsync(LogStream.User, 1, s[2]);
        await log.RecordCheckpointAsync(LogStream.Post, 10, s[2]);

        Assert.Equal([s[0], s[1]], (await log.ReadAllAsync(0, 2)).Select(e => e.Sequence));
        Assert.Equal([s[2]], (await log.ReadAllAsync(s[1], 2)).Select(e => e.Sequence));
        Assert.Empty(await log.ReadAllAsync(s[2], 2));
    }

    private static PendingEngagement Pending(long user, EngagementAction action, long? post = null, long? target = null, long? subject = null, double? value = null, string? id = null) =>
        new(new EngagementEvent(id ?? Guid.NewGuid().ToString("N"), user, action, post, target, Now.AddMinutes(-1), value), subject);
}

[Trait("Category", "BVT")]
[Trait("Area", "Ingestion")]
public sealed class MemoryEngagementLogTests : EngagementLogContractTests
{
    protected override IEngagementLog CreateLog() => new MemoryEngagementLog();
}

[Trait("Category", "Functional")]
[Trait("Area", "Ingestion")]
public sealed class SqliteEngagementLogTests : EngagementLogContractTests, IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    protected override IEngagementLog CreateLog() =>
        new SqliteEngagementLog(new EngagementLogOptions { Provider = EngagementLogProvider.Sqlite, FilePath = _database.FilePath }, "test");
}

[Trait("Category", "Functional")]
[Trait("Area", "Ingestion")]
public sealed class PostgresEngagementLogTests : EngagementLogContractTests
{
    protected override IEngagementLog CreateLog() => new PostgresEngagementLog(
        new EngagementLogOptions { Provider = EngagementLogProvider.Postgres, ConnectionString = PostgresTestDatabase.GetConnectionStringOrSkip() },
        "log-" + Guid.NewGuid().ToString("N"));
}
