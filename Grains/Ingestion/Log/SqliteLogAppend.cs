using System.Buffers;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Ingestion.Log;

/// <summary>
/// Appends a batch to the SQLite log inside the file's write transaction (no other append interleaves, see
/// <see cref="Recsys.Runtime.Storage.Sqlite.SqliteWriteQueue"/>): one INSERT ... SELECT over the batch sent as one
/// JSON array parameter (SQLite's json_each over the UTF-8 bytes cast to text), with explicit sequences after the largest ever handed out
/// (sqlite_sequence, which pruning never lowers). A repeated id inserts nothing (ON CONFLICT DO NOTHING) and gets 0;
/// the sequence it would have had stays unused, a gap like those of a PostgreSQL identity column. RETURNING names
/// the rows inserted.
/// </summary>
/// <remarks>
/// Issue 6: multi-row VALUES with named parameters cost quadratic time (SQLite finds a parameter by walking the
/// statement's variable list); a prepared one-row INSERT rebound per event cost a statement execution, eleven
/// bindings and a reader per event on the managed side. One statement with one parameter leaves the per-row work to
/// SQLite. The SELECT has a WHERE clause so that ON CONFLICT parses as the upsert clause
/// (https://www.sqlite.org/lang_upsert.html, "Parsing Ambiguity"); <c>-&gt;&gt;</c> with an integer reads an array
/// element as an SQL value (https://www.sqlite.org/json1.html#jptr).
/// </remarks>
internal static class SqliteLogAppend
{
    private const string Insert =
        "INSERT INTO recsys_engagement_log (seq, service_id, event_id, user_id, action, post_id, target_user_id, subject_id, event_ticks, value, accepted_ticks) " +
        "SELECT r.value ->> 0, @service, r.value ->> 1, r.value ->> 2, r.value ->> 3, r.value ->> 4, r.value ->> 5, r.value ->> 6, r.value ->> 7, r.value ->> 8, @accepted " +
        "FROM json_each(CAST(@rows AS TEXT)) AS r WHERE true " +
        "ON CONFLICT (service_id, event_id) DO NOTHING RETURNING seq";

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
        await using var insert = new SqliteCommand(Insert, connection);
        insert.Parameters.Add("@service", SqliteType.Text).Value = serviceId;
        insert.Parameters.Add("@accepted", SqliteType.Integer).Value = acceptedTicks;
        insert.Parameters.Add("@rows", SqliteType.Blob).Value = RowsJson(events, last);

        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var seq = reader.GetInt64(0);
            sequences[seq - last - 1] = seq;
        }

        return sequences;
    }

    // [[seq, id, user, action, post, target, subject, ticks, value], ...]; event i gets sequence last + 1 + i. As UTF-8
    // bytes bound as a blob and cast to text in SQL (the database's encoding, no conversion): bound as a string, each
    // batch was also a UTF-16 copy and a UTF-8 conversion, ~300 bytes per event (issue 6).
    private static byte[] RowsJson(IReadOnlyList<PendingEngagement> events, long last)
    {
        var buffer = new ArrayBufferWriter<byte>(events.Count * 96);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            for (var i = 0; i < events.Count; i++)
            {
                var (e, subject) = (events[i].Event, events[i].SubjectId);
                json.WriteStartArray();
                json.WriteNumberValue(last + 1 + i);
                json.WriteStringValue(e.Id);
                json.WriteNumberValue(e.UserId);
                json.WriteStringValue(e.Action.Name());
                WriteNullable(json, e.PostId);
                WriteNullable(json, e.TargetUserId);
                WriteNullable(json, subject);
                json.WriteNumberValue(e.Time.UtcTicks);
                if (e.Value is { } value)
                {
                    json.WriteNumberValue(value);
                }
                else
                {
                    json.WriteNullValue();
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, long? value)
    {
        if (value is { } v)
        {
            json.WriteNumberValue(v);
        }
        else
        {
            json.WriteNullValue();
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
