using Microsoft.Data.Sqlite;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Tests.Support;

namespace Recsys.Grains.Tests.Ingestion;

/// <summary>
/// The SQLite log answers replays from tails it keeps in memory: a new instance on the same file (a restarted silo)
/// must list exactly the rows that no recorded checkpoint covers, and the stored replay bound must never pass one.
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

    private SqliteEngagementLog Open() =>
        new(new EngagementLogOptions { Provider = EngagementLogProvider.Sqlite, FilePath = _database.FilePath }, "tails");

    private static async Task<long[]> Sequences(IEngagementLog log, LogStream stream, long key) =>
        (await log.ReadAsync(stream, key, 0, 100)).Select(e => e.Sequence).ToArray();

    private async Task<long> StoredBound()
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _database.FilePath }.ToString());
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT replay_from FROM recsys_engagement_log_tail WHERE service_id = 'tails'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static PendingEngagement Like(long user, long post, long author) =>
        new(new EngagementEvent(Guid.NewGuid().ToString("N"), user, EngagementAction.Like, post, null, Now.AddMinutes(-1), null), author);
}
