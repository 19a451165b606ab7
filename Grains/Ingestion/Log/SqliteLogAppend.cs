using System.Text;
using Microsoft.Data.Sqlite;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Ingestion.Log;

/// <summary>
/// Appends a batch to the SQLite log inside a write transaction (BEGIN IMMEDIATE, so no other append interleaves):
/// one query finds the ids already logged, then the new events are inserted with explicit sequences after the
/// largest ever handed out (sqlite_sequence, which pruning never lowers), many rows per INSERT. Issue 6 measured
/// one INSERT ... RETURNING per event at about 100 µs per row; this is a few statements per 500 events.
/// </summary>
internal static class SqliteLogAppend
{
    /// <summary>Rows per INSERT statement (11 parameters each, far below SQLite's 32,766 variables).</summary>
    public const int RowsPerStatement = 500;

    private const string Columns = "(seq, service_id, event_id, user_id, action, post_id, target_user_id, subject_id, event_ticks, value, accepted_ticks)";

    public static async Task<long[]> AppendAsync(SqliteConnection connection, SqliteTransaction transaction, string serviceId,
        IReadOnlyList<PendingEngagement> events, long acceptedTicks, CancellationToken cancellationToken)
    {
        var known = await KnownIdsAsync(connection, transaction, serviceId, events, cancellationToken);
        var next = await LastSequenceAsync(connection, transaction, cancellationToken);
        var sequences = new long[events.Count];
        var fresh = new List<int>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            if (!known.Contains(events[i].Event.Id))
            {
                sequences[i] = ++next;
                fresh.Add(i);
            }
        }

        foreach (var chunk in fresh.Chunk(RowsPerStatement))
        {
            await using var insert = new SqliteCommand(InsertSql(chunk.Length), connection, transaction);
            insert.Parameters.AddWithValue("@service", serviceId);
            insert.Parameters.AddWithValue("@accepted", acceptedTicks);
            for (var r = 0; r < chunk.Length; r++)
            {
                var (e, subject) = (events[chunk[r]].Event, events[chunk[r]].SubjectId);
                Add(insert, "s", r, sequences[chunk[r]]);
                Add(insert, "i", r, e.Id);
                Add(insert, "u", r, e.UserId);
                Add(insert, "a", r, e.Action.Name());
                Add(insert, "p", r, e.PostId);
                Add(insert, "t", r, e.TargetUserId);
                Add(insert, "j", r, subject);
                Add(insert, "w", r, e.Time.UtcTicks);
                Add(insert, "v", r, e.Value);
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return sequences;
    }

    private static async Task<HashSet<string>> KnownIdsAsync(SqliteConnection connection, SqliteTransaction transaction, string serviceId,
        IReadOnlyList<PendingEngagement> events, CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in events.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder("SELECT event_id FROM recsys_engagement_log WHERE service_id = @service AND event_id IN (");
            await using var query = new SqliteCommand { Connection = connection, Transaction = transaction };
            query.Parameters.AddWithValue("@service", serviceId);
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "@e" : ", @e").Append(i);
                query.Parameters.AddWithValue("@e" + i, chunk[i].Event.Id);
            }

            query.CommandText = sql.Append(')').ToString();
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                known.Add(reader.GetString(0));
            }
        }

        return known;
    }

    // The largest sequence ever handed out: AUTOINCREMENT records it in sqlite_sequence, also for explicit values.
    private static async Task<long> LastSequenceAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var query = new SqliteCommand(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'recsys_engagement_log'), 0), coalesce((SELECT max(seq) FROM recsys_engagement_log), 0))",
            connection, transaction);
        return (long)(await query.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string InsertSql(int rows)
    {
        var sql = new StringBuilder("INSERT INTO recsys_engagement_log ").Append(Columns).Append(" VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "" : ", ").Append($"(@s{r}, @service, @i{r}, @u{r}, @a{r}, @p{r}, @t{r}, @j{r}, @w{r}, @v{r}, @accepted)");
        }

        return sql.ToString();
    }

    private static void Add(SqliteCommand command, string prefix, int row, object? value) =>
        command.Parameters.AddWithValue("@" + prefix + row, value ?? DBNull.Value);
}
