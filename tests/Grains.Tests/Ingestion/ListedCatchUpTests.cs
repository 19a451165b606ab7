using Recsys.Grains.Ingestion;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Tests.Support;

namespace Recsys.Grains.Tests.Ingestion;

/// <summary>
/// A catch-up against a log that lists grains' sequences (SQLite) reads no row when the grain applied every listed
/// event, moves its cursor past them all the same, and still reads and applies what it lacks.
/// </summary>
[Trait("Category", "Functional")]
[Trait("Area", "Ingestion")]
public sealed class ListedCatchUpTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_grain_that_applied_every_listed_event_advances_without_reading_a_row()
    {
        var log = new CountingLog(Open());
        var s = await log.AppendAsync(Enumerable.Range(0, 5).Select(i => Like(i + 1, post: 10)).ToArray(), Now);
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
        var s = await log.AppendAsync([Like(1, post: 10), Like(2, post: 10), Like(3, post: 10)], Now);
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

    private SqliteEngagementLog Open() =>
        new(new EngagementLogOptions { Provider = EngagementLogProvider.Sqlite, FilePath = _database.FilePath }, "listed");

    private static PendingEngagement Like(long user, long post) =>
        new(new EngagementEvent(Guid.NewGuid().ToString("N"), user, EngagementAction.Like, post, null, Now.AddMinutes(-1), null), 99);

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
