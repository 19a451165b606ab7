using System.Data.Common;
using Microsoft.Data.Sqlite;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Runtime.Storage.Sqlite;

namespace Recsys.Grains.Ingestion.Log;

/// <summary>
/// The event log in a SQLite file (WAL), the silo's own database beside grain state. One writer at a time (the file's
/// <see cref="SqliteWriteQueue"/>), so sequences commit in order; a batch is in one transaction, shared with the other
/// writes queued meanwhile (<see cref="SqliteLogAppend"/>: one statement per batch).
/// </summary>
/// <remarks>
/// A grain's replay is answered from <see cref="GrainLogTails"/>, which this silo keeps in memory, instead of indexes
/// keyed by grain (issue 6; sql/sqlite/013 drops them). A SQLite file belongs to one silo, so every append goes
/// through this instance and the tails see all of them. They are rebuilt on first use from the rows after
/// <c>recsys_engagement_log_tail.replay_from</c> (every event at or below it is covered by the recorded checkpoints of
/// all its grains; kept current every few seconds by the checkpoint writes), less what the checkpoints cover. So after a
/// crash a grain still finds every event its saved state lacks.
/// </remarks>
public sealed class SqliteEngagementLog : SqlEngagementLog, IListsGrainSequences
{
    // How often a checkpoint write also stores the replay bound (ours): a lower bound is always safe, so it may lag.
    private const long ReplayFromEveryMilliseconds = 5_000;

    private const string ReadRows =
        "SELECT " + Columns + ", service_id FROM recsys_engagement_log WHERE seq IN (SELECT value FROM json_each(@seqs)) ORDER BY seq";

    private const string ReadReplayFrom = "SELECT replay_from FROM recsys_engagement_log_tail WHERE service_id = @service";

    private const string WriteReplayFrom =
        "INSERT INTO recsys_engagement_log_tail (service_id, replay_from) VALUES (@service, @from) " +
        "ON CONFLICT (service_id) DO UPDATE SET replay_from = excluded.replay_from";

    private const string ReadCheckpoints =
        "SELECT stream, grain_key, applied_through FROM recsys_engagement_checkpoints WHERE service_id = @service";

    // Along the primary key from the bound; `service_id || ''` keeps SQLite from reading an index on service_id instead.
    private const string ReadTailRows =
        "SELECT seq, user_id, subject_id, post_id FROM recsys_engagement_log WHERE seq > @from AND service_id || '' = @service ORDER BY seq";

    private readonly SqliteDomainFile _file;
    private readonly GrainLogTails _tails = new();
    private readonly SemaphoreSlim _rebuildGate = new(1, 1);
    private volatile bool _rebuilt;

    // The largest sequence this instance handed out: a failed commit rolls sqlite_sequence back, and handing its
    // sequences out again would let the removal of its tail entries remove a later event's.
    private long _handedOut;
    private long _replayFromWrittenAt;

    public SqliteEngagementLog(EngagementLogOptions options, string serviceId)
        : base(serviceId) => _file = new SqliteDomainFile(options);

    public override async Task<long[]> AppendAsync(IReadOnlyList<PendingEngagement> events, DateTimeOffset acceptedAt, CancellationToken cancellationToken = default)
    {
        await EnsureTailsAsync(cancellationToken);
        long[]? listed = null;
        try
        {
            return await _file.WriteAsync(async connection =>
            {
                var sequences = await SqliteLogAppend.AppendAsync(connection, ServiceId, events, acceptedAt.UtcTicks, _handedOut, cancellationToken);
                _handedOut = Math.Max(_handedOut, sequences.Length == 0 ? 0 : sequences.Max());
                _tails.AddAll(events, sequences); // inside the write: in sequence order, before any later append's
                listed = sequences;
                return sequences;
            }, cancellationToken);
        }
        catch when (listed is not null)
        {
            _tails.RemoveAll(events, listed); // the transaction did not commit
            throw;
        }
    }

    public async ValueTask<long[]> ListAsync(LogStream stream, long key, long afterSequence, int max, CancellationToken cancellationToken = default)
    {
        await EnsureTailsAsync(cancellationToken);
        return _tails.After(stream, key, afterSequence, max);
    }

    public override async Task<IReadOnlyList<LoggedEngagement>> ReadAsync(LogStream stream, long key, long afterSequence, int max, CancellationToken cancellationToken = default)
    {
        var sequences = await ListAsync(stream, key, afterSequence, max, cancellationToken);
        if (sequences.Length == 0)
        {
            return [];
        }

        // A listed row not committed yet is not read; since rows commit in sequence order, the rows read are a prefix.
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, ReadRows, ("seqs", "[" + string.Join(',', sequences) + "]"));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<LoggedEngagement>(sequences.Length);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = ReadRow(reader);
            if (reader.GetString(9) == ServiceId && Touches(row, stream, key))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    public override async Task RecordCheckpointAsync(LogStream stream, long key, long appliedThrough, CancellationToken cancellationToken = default)
    {
        await EnsureTailsAsync(cancellationToken);
        await base.RecordCheckpointAsync(stream, key, appliedThrough, cancellationToken);
        _tails.Trim(stream, key, appliedThrough);
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _replayFromWrittenAt) >= ReplayFromEveryMilliseconds)
        {
            Interlocked.Exchange(ref _replayFromWrittenAt, now);
            await RunWriteAsync(WriteReplayFromAsync, cancellationToken);
        }
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await _file.OpenAsync(cancellationToken);

    // The batch shares its transaction with whatever else is queued for the file (group commit), each in its own savepoint.
    protected override Task<T> RunWriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken) =>
        _file.WriteAsync(connection => write(connection), cancellationToken);

    private static bool Touches(LoggedEngagement row, LogStream stream, long key) =>
        stream == LogStream.Post ? row.PostId == key : row.UserId == key || row.SubjectId == key;

    // Inside a write, so no append is half listed: every event at or below the bound is off every tail.
    private async Task<int> WriteReplayFromAsync(DbConnection connection)
    {
        var from = _tails.Lowest() is { } lowest ? lowest - 1 : _handedOut;
        await using var command = Command(connection, WriteReplayFrom, ("service", ServiceId), ("from", from));
        return await command.ExecuteNonQueryAsync();
    }

    private async Task EnsureTailsAsync(CancellationToken cancellationToken)
    {
        if (_rebuilt)
        {
            return;
        }

        await _rebuildGate.WaitAsync(cancellationToken);
        try
        {
            if (!_rebuilt)
            {
                await RebuildTailsAsync(cancellationToken);
                _rebuilt = true;
            }
        }
        finally
        {
            _rebuildGate.Release();
        }
    }

    // Lists every row after the stored bound under each grain whose recorded checkpoint does not cover it.
    private async Task RebuildTailsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        long from;
        await using (var command = Command(connection, ReadReplayFrom, ("service", ServiceId)))
        {
            from = await command.ExecuteScalarAsync(cancellationToken) is long stored ? stored : 0;
        }

        var posts = new Dictionary<long, long>();
        var users = new Dictionary<long, long>();
        await using (var command = Command(connection, ReadCheckpoints, ("service", ServiceId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                (reader.GetString(0) == StreamName(LogStream.Post) ? posts : users)[reader.GetInt64(1)] = reader.GetInt64(2);
            }
        }

        var handedOut = from;
        await using (var command = Command(connection, ReadTailRows, ("service", ServiceId), ("from", from)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var seq = reader.GetInt64(0);
                var user = reader.GetInt64(1);
                long? subject = reader.IsDBNull(2) ? null : reader.GetInt64(2);
                long? post = reader.IsDBNull(3) ? null : reader.GetInt64(3);
                ListIfUncovered(LogStream.User, users, user, seq);
                if (subject is { } s && s != user)
                {
                    ListIfUncovered(LogStream.User, users, s, seq);
                }

                if (post is { } p)
                {
                    ListIfUncovered(LogStream.Post, posts, p, seq);
                }

                handedOut = seq;
            }
        }

        _handedOut = handedOut;
        await RunWriteAsync(WriteReplayFromAsync, cancellationToken);
        _replayFromWrittenAt = Environment.TickCount64;
    }

    private void ListIfUncovered(LogStream stream, Dictionary<long, long> checkpoints, long key, long seq)
    {
        if (!checkpoints.TryGetValue(key, out var through) || through < seq)
        {
            _tails.Add(stream, key, seq);
        }
    }
}
