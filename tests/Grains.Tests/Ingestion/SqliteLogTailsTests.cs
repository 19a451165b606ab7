using Microsoft.Data.Sqlite;
using Recsys.Grains.Ingestion;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Tests.Support;

namespace Recsys.Grains.Tests.Ingestion;

/// <summary>
/// The SQLite log answers replays from tails it keeps in memory: a new instance on the same file (a restarted silo)
/// must list exactly the rows that no recorded checkpoint covers, and the stored replay bound must never pass one.
/// A catch-up reads no row when the grain applied every listed event, and still reads and applies what it lacks.
/// </summary>
[Trait("Category", "Functional")]
[Trait("Area", "Ingestion")]
public sealed class SqliteLogTailsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_restarted_log_replays_exactly_what_the_recorded_checkpoints_do_not_cover()
    {
        var first = Open();
        var s = await first.AppendAsync(
        [
            Like(1, post: 10, author: 2),
            Like(3, post: 10, author: 2),
            Like(1, post: 11, author: 4),
        ], Now);
        await first.RecordCheckpointAsync(LogStream.Post, 10, s[0]);
        await first.RecordCheckpointAsync(LogStream.User, 1, s[2]);
        await first.RecordCheckpointAsync(LogStream.User, 2, s[1]);

        var restarted = Open();

        Assert.Equal([s[1]], await Sequences(restarted, LogStream.Post, 10));
        Assert.Equal([s[2]], await Sequences(restarted, LogStream.Post, 11));
        Assert.Empty(await Sequences(restarted, LogStream.User, 1));
        Assert.Empty(await Sequences(restarted, LogStream.User, 2));
        Assert.Equal([s[1]], await Sequences(restarted, LogStream.User, 3));
        Assert.Equal([s[2]], await Sequences(restarted, LogStream.User, 4));
        Assert.Equal(s, (await restarted.ReadAllAsync(0, 10)).Select(e => e.Sequence)); // the rows themselves all stay
    }

    [Fact]
    public async Task An_append_after_a_restart_learns_each_grains_previous_uncovered_event()
    {
        var first = Open();
        var s = await first.AppendAsync([Like(1, post: 10, author: 2), Like(3, post: 10, author: 2)], Now);
        await first.RecordCheckpointAsync(LogStream.User, 1, s[0]);

        var restarted = Open();
        PendingEngagement[] next = [Like(1, post: 10, author: 2)];
        var appended = await restarted.AppendAsync(next, Now);

        // Post 10 and its author 2 still list s[1] (no checkpoint covers it); user 1's checkpoint covers all it had.
        Assert.True(appended[0] > s[1]);
        Assert.Equal(new GrainPredecessors(s[1], GrainPredecessors.None, s[1]), next[0].Predecessors);
    }

    [Fact]
    public async Task The_stored_replay_bound_stops_below_the_first_event_a_grain_still_lacks()
    {
        var first = Open();
        var s = await first.AppendAsync([Like(1, post: 10, author: 2), Like(3, post: 11, author: 4)], Now);
        await first.RecordCheckpointAsync(LogStream.User, 1, s[0]);
        await first.RecordCheckpointAsync(LogStream.User, 2, s[0]);
        await first.RecordCheckpointAsync(LogStream.Post, 10, s[0]);

        var second = Open();
        Assert.Empty(await Sequences(second, LogStream.Post, 10));
        Assert.Equal(s[0], await StoredBound()); // the first event is covered everywhere, the second nowhere

        await second.RecordCheckpointAsync(LogStream.User, 3, s[1]);
        await second.RecordCheckpointAsync(LogStream.User, 4, s[1]);
        await second.RecordCheckpointAsync(LogStream.Post, 11, s[1]);
        var third = Open();
        Assert.Empty(await Sequences(third, LogStream.Post, 11));
        Assert.Equal(s[1], await StoredBound());

        var next = await third.AppendAsync([Like(5, post: 12, author: 6)], Now);
        Assert.True(next[0] > s[1]);
        Assert.Equal([next[0]], await Sequences(Open(), LogStream.User, 6));
    }

    [Fact]
    public async Task A_grain_that_applied_every_listed_event_advances_without_reading_a_row()
    {
        var log = new CountingLog(Open());
        var s = await log.AppendAsync(Enumerable.Range(0, 5).Select(i => Like(i + 1, post: 10, author: 99)).ToArray(), Now);
        var cursor = new ReplayCursor();
        foreach (var sequence in s)
        {
            cursor.TryMark(sequence);
        }

        var applied = await EngagementReplay.CatchUpAsync(log, LogStream.Post, 10, cursor, pageSize: 2, _ => throw new InvalidOperationException("nothing to apply"));

        Assert.Equal((0, 0, s[^1], 0), (applied, log.Reads, cursor.AppliedThrough, cursor.PendingCount));
    }

    [Fact]
    public async Task A_grain_missing_a_listed_event_reads_and_applies_it_once()
    {
        var log = new CountingLog(Open());
        var s = await log.AppendAsync([Like(1, post: 10, author: 99), Like(2, post: 10, author: 99), Like(3, post: 10, author: 99)], Now);
        var cursor = new ReplayCursor();
        cursor.TryMark(s[0]);
        cursor.TryMark(s[2]);
        var seen = new List<long>();

        var applied = await EngagementReplay.CatchUpAsync(log, LogStream.Post, 10, cursor, pageSize: 10, e =>
        {
            seen.Add(e.Sequence);
            return ValueTask.CompletedTask;
        });

        Assert.Equal([s[1]], seen);
        Assert.Equal((1, s[2], 0), (applied, cursor.AppliedThrough, cursor.PendingCount));
        Assert.True(log.Reads > 0);
    }

    [Fact]
    public async Task A_failed_append_lists_nothing_and_the_next_one_takes_later_sequences()
    {
        var log = Open();
        var first = await log.AppendAsync([Like(1, post: 10, author: 2)], Now);
        await Execute("CREATE TRIGGER refuse_boom BEFORE INSERT ON recsys_engagement_log WHEN NEW.user_id = 66 BEGIN SELECT RAISE(ABORT, 'boom'); END");

        await Assert.ThrowsAsync<SqliteException>(() => log.AppendAsync([Like(5, post: 10, author: 2), Like(66, post: 10, author: 2)], Now));

        Assert.Equal([first[0]], await log.ListAsync(LogStream.Post, 10, 0, 10));
        Assert.Empty(await log.ListAsync(LogStream.User, 5, 0, 10));
        var next = await log.AppendAsync([Like(7, post: 10, author: 2)], Now);
        Assert.True(next[0] > first[0]);
        Assert.Equal([first[0], next[0]], await log.ListAsync(LogStream.Post, 10, 0, 10));
        Assert.Equal([first[0], next[0]], await Sequences(log, LogStream.Post, 10));
        Assert.Equal([first[0], next[0]], await Sequences(Open(), LogStream.User, 2));
    }

    private SqliteEngagementLog Open() =>
        new(new EngagementLogOptions { Provider = EngagementLogProvider.Sqlite, FilePath = _database.FilePath }, "tails");

    private static async Task<long[]> Sequences(IEngagementLog log, LogStream stream, long key) =>
        (await log.ReadAsync(stream, key, 0, 100)).Select(e => e.Sequence).ToArray();

    private async Task<long> StoredBound() => (long)(await Execute("SELECT replay_from FROM recsys_engagement_log_tail WHERE service_id = 'tails'"))!;

    private async Task<object?> Execute(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _database.FilePath }.ToString());
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static PendingEngagement Like(long user, long post, long author) =>
        new(new EngagementEvent(Guid.NewGuid().ToString("N"), user, EngagementAction.Like, post, null, Now.AddMinutes(-1), null), author);

    // Counts row reads; everything else goes to the SQLite log as it is.
    private sealed class CountingLog(SqliteEngagementLog inner) : IEngagementLog, IListsGrainSequences
    {
        public int Reads { get; private set; }

        public Task<long[]> AppendAsync(IReadOnlyList<PendingEngagement> events, DateTimeOffset acceptedAt, CancellationToken cancellationToken = default) =>
            inner.AppendAsync(events, acceptedAt, cancellationToken);

        public Task<IReadOnlyList<LoggedEngagement>> ReadAsync(LogStream stream, long key, long afterSequence, int max, CancellationToken cancellationToken = default)
        {
            Reads++;
            return inner.ReadAsync(stream, key, afterSequence, max, cancellationToken);
        }

        public ValueTask<long[]> ListAsync(LogStream stream, long key, long afterSequence, int max, CancellationToken cancellationToken = default) =>
            inner.ListAsync(stream, key, afterSequence, max, cancellationToken);

        public Task<IReadOnlyList<LoggedEngagement>> ReadAllAsync(long afterSequence, int max, CancellationToken cancellationToken = default) =>
            inner.ReadAllAsync(afterSequence, max, cancellationToken);

        public Task RecordCheckpointAsync(LogStream stream, long key, long appliedThrough, CancellationToken cancellationToken = default) =>
            inner.RecordCheckpointAsync(stream, key, appliedThrough, cancellationToken);

        public Task<IReadOnlyList<GrainCheckpointLag>> FindLaggingAsync(DateTimeOffset acceptedBefore, int max, CancellationToken cancellationToken = default) =>
            inner.FindLaggingAsync(acceptedBefore, max, cancellationToken);

        public Task<int> PruneAsync(DateTimeOffset acceptedBefore, CancellationToken cancellationToken = default) =>
            inner.PruneAsync(acceptedBefore, cancellationToken);
    }
}
