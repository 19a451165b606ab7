using System.Text;
using Microsoft.Data.Sqlite;
using Recsys.Grains.Interfaces.Engagements;
using SQLitePCL;

namespace Recsys.Grains.Ingestion.Log;

/// <summary>
/// Appends a batch to the SQLite log inside the file's write transaction (no other append interleaves, see
/// <see cref="Recsys.Runtime.Storage.Sqlite.SqliteWriteQueue"/>): one prepared INSERT stepped once per event, with
/// explicit sequences after the largest ever handed out (sqlite_sequence, which pruning never lowers). A repeated
/// id inserts nothing (ON CONFLICT DO NOTHING, so the step changes no row) and gets 0; the sequence it would have
/// had stays unused, a gap like those of a PostgreSQL identity column.
/// </summary>
/// <remarks>
/// Issue 6, the log's fourth form. Multi-row VALUES with named parameters cost quadratic time (SQLite finds a
/// parameter by walking the statement's variable list). The same one-row INSERT through <see cref="SqliteCommand"/>
/// cost, per event, a command execution, eleven parameter objects and a data reader. One INSERT ... SELECT over the
/// batch as a JSON array (json_each) cost SQLite a text rendering of each row and nine parses of it (<c>-&gt;&gt;</c>
/// per column): 8.1 µs of CPU per event appended, a fifth of ingestion's. So the statement is driven here through
/// SQLitePCL's raw API (the library Microsoft.Data.Sqlite stands on, on the connection's own handle, inside its
/// transaction): per event only native binds of values, one step, one reset. Bindings survive a reset, so the
/// service id and acceptance time are bound once; ids are bound as UTF-8 from a stack buffer, with no string made.
/// </remarks>
internal static class SqliteLogAppend
{
    private const string Insert =
        "INSERT INTO recsys_engagement_log (seq, service_id, event_id, user_id, action, post_id, target_user_id, subject_id, event_ticks, value, accepted_ticks) " +
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT (service_id, event_id) DO NOTHING";

    // The action names as UTF-8, encoded once, indexed by the action's value.
    private static readonly byte[][] ActionNames = EncodeActionNames();

    /// <summary>
    /// The sequence given to each event, 0 for one already logged (or repeated earlier in the batch). Sequences start
    /// after <paramref name="handedOut"/> too: the caller's record of what it handed out, which a failed commit does not roll back.
    /// </summary>
    public static async Task<long[]> AppendAsync(SqliteConnection connection, string serviceId,
        IReadOnlyList<PendingEngagement> events, long acceptedTicks, long handedOut, CancellationToken cancellationToken)
    {
        var sequences = new long[events.Count];
        if (events.Count == 0)
        {
            return sequences;
        }

        var last = Math.Max(handedOut, await LastSequenceAsync(connection, cancellationToken));
        InsertAll(connection.Handle!, serviceId, events, acceptedTicks, last, sequences);
        return sequences;
    }

    // Event i gets sequence last + 1 + i, or 0 when its id is logged already.
    private static void InsertAll(sqlite3 db, string serviceId, IReadOnlyList<PendingEngagement> events, long acceptedTicks, long last, long[] sequences)
    {
        Check(db, raw.sqlite3_prepare_v2(db, Insert, out var statement));
        using (statement)
        {
            Check(db, raw.sqlite3_bind_text(statement, 2, serviceId));
            Check(db, raw.sqlite3_bind_int64(statement, 11, acceptedTicks));
            Span<byte> idBuffer = stackalloc byte[256];
            for (var i = 0; i < events.Count; i++)
            {
                var (e, subject) = (events[i].Event, events[i].SubjectId);
                var sequence = last + 1 + i;
                Check(db, raw.sqlite3_bind_int64(statement, 1, sequence));
                Check(db, raw.sqlite3_bind_text(statement, 3, Encoding.UTF8.TryGetBytes(e.Id, idBuffer, out var written) ? idBuffer[..written] : Encoding.UTF8.GetBytes(e.Id)));
                Check(db, raw.sqlite3_bind_int64(statement, 4, e.UserId));
                Check(db, raw.sqlite3_bind_text(statement, 5, ActionNames[(int)e.Action]));
                Check(db, Bind(statement, 6, e.PostId));
                Check(db, Bind(statement, 7, e.TargetUserId));
                Check(db, Bind(statement, 8, subject));
                Check(db, raw.sqlite3_bind_int64(statement, 9, e.Time.UtcTicks));
                Check(db, e.Value is { } value ? raw.sqlite3_bind_double(statement, 10, value) : raw.sqlite3_bind_null(statement, 10));
                var stepped = raw.sqlite3_step(statement);
                if (stepped != raw.SQLITE_DONE)
                {
                    Check(db, stepped);
                }

                sequences[i] = raw.sqlite3_changes(db) == 1 ? sequence : 0;
                Check(db, raw.sqlite3_reset(statement));
            }
        }
    }

    private static byte[][] EncodeActionNames()
    {
        var actions = Enum.GetValues<EngagementAction>();
        var names = new byte[(int)actions.Max() + 1][];
        foreach (var action in actions)
        {
            names[(int)action] = Encoding.UTF8.GetBytes(action.Name());
        }

        return names;
    }

    private static int Bind(sqlite3_stmt statement, int index, long? value) =>
        value is { } v ? raw.sqlite3_bind_int64(statement, index, v) : raw.sqlite3_bind_null(statement, index);

    private static void Check(sqlite3 db, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, db);
        }
    }

    // The largest sequence ever handed out: AUTOINCREMENT records it in sqlite_sequence, also for explicit values.
    private static async Task<long> LastSequenceAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var query = new SqliteCommand(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'recsys_engagement_log'), 0), coalesce((SELECT max(seq) FROM recsys_engagement_log), 0))",
            connection);
        return (long)(await query.ExecuteScalarAsync(cancellationToken))!;
    }
}
