using Microsoft.Data.Sqlite;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Ingestion.Log;

/// <summary>
/// Appends a batch to the SQLite log inside the file's write transaction (no other append interleaves, see
/// <see cref="Recsys.Runtime.Storage.Sqlite.SqliteWriteQueue"/>): one prepared single-row INSERT, its parameters
/// rebound per event, with explicit sequences after the largest ever handed out (sqlite_sequence, which pruning
/// never lowers). A repeated id inserts nothing (ON CONFLICT DO NOTHING) and takes no sequence. Issue 6 measured
/// multi-row INSERTs of 500 named rows at about 2,000 rows/s: SQLite looks a parameter's name up by walking the
/// statement's variable list, so binding 5,500 names costs quadratic time; a one-row statement binds 11.
/// </summary>
internal static class SqliteLogAppend
{
    private const string Insert =
        "INSERT INTO recsys_engagement_log (seq, service_id, event_id, user_id, action, post_id, target_user_id, subject_id, event_ticks, value, accepted_ticks) " +
        "VALUES (@seq, @service, @id, @user, @action, @post, @target, @subject, @ticks, @value, @accepted) " +
        "ON CONFLICT (service_id, event_id) DO NOTHING";

    /// <summary>The sequence given to each event, 0 for one already logged.</summary>
    public static async Task<long[]> AppendAsync(SqliteConnection connection, string serviceId,
        IReadOnlyList<PendingEngagement> events, long acceptedTicks, CancellationToken cancellationToken)
    {
        var next = await LastSequenceAsync(connection, cancellationToken);
        await using var insert = new SqliteCommand(Insert, connection);
        var (seq, id, user, action, post, target, subject, ticks, value) = (Add(insert, "@seq", SqliteType.Integer), Add(insert, "@id", SqliteType.Text),
            Add(insert, "@user", SqliteType.Integer), Add(insert, "@action", SqliteType.Text), Add(insert, "@post", SqliteType.Integer),
            Add(insert, "@target", SqliteType.Integer), Add(insert, "@subject", SqliteType.Integer), Add(insert, "@ticks", SqliteType.Integer),
            Add(insert, "@value", SqliteType.Real));
        Add(insert, "@service", SqliteType.Text).Value = serviceId;
        Add(insert, "@accepted", SqliteType.Integer).Value = acceptedTicks;
        insert.Prepare();

        var sequences = new long[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var (e, subjectId) = (events[i].Event, events[i].SubjectId);
            seq.Value = next + 1;
            id.Value = e.Id;
            user.Value = e.UserId;
            action.Value = e.Action.Name();
            post.Value = (object?)e.PostId ?? DBNull.Value;
            target.Value = (object?)e.TargetUserId ?? DBNull.Value;
            subject.Value = (object?)subjectId ?? DBNull.Value;
            ticks.Value = e.Time.UtcTicks;
            value.Value = (object?)e.Value ?? DBNull.Value;
            if (insert.ExecuteNonQuery() == 1)
            {
                sequences[i] = ++next;
            }
        }

        return sequences;
    }

    // The largest sequence ever handed out: AUTOINCREMENT records it in sqlite_sequence, also for explicit values.
    private static async Task<long> LastSequenceAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var query = new SqliteCommand(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'recsys_engagement_log'), 0), coalesce((SELECT max(seq) FROM recsys_engagement_log), 0))",
            connection);
        return (long)(await query.ExecuteScalarAsync(cancellationToken))!;
    }

    private static SqliteParameter Add(SqliteCommand command, string name, SqliteType type) => command.Parameters.Add(name, type);
}
