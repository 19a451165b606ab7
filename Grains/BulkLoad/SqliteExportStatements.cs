using Microsoft.Data.Sqlite;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.BulkLoad;

/// <summary>The SQLite statements of a bulk export: prepared once, executed per row inside the export's transaction.</summary>
internal static class SqliteExportStatements
{
    private const string Identity =
        "serviceid = @service AND graintypestring = @type AND grainidn0 = @n0 AND grainidn1 = @n1 AND coalesce(grainidextensionstring, '') = @extkey";

    private const string InsertState =
        "INSERT INTO recsys_grain_storage (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring, serviceid, payloadjson, modifiedon, version) " +
        "VALUES (@hash, @n0, @n1, @typehash, @type, @ext, @service, @payload, @now, 1) ON CONFLICT DO NOTHING";

    private const string UpdateState =
        "UPDATE recsys_grain_storage SET payloadjson = @payload, modifiedon = @now, version = version + 1 WHERE " + Identity + " AND version = @base";

    private const string InsertRow =
        "INSERT INTO recsys_engagement_log (seq, service_id, event_id, user_id, action, post_id, target_user_id, subject_id, event_ticks, value, accepted_ticks) " +
        "VALUES (@seq, @service, @id, @user, @action, @post, @target, @subject, @time, @value, @accepted)";

    private const string UpsertCheckpoint =
        "INSERT INTO recsys_engagement_checkpoints (service_id, stream, grain_key, applied_through) VALUES (@service, @stream, @key, @through) " +
        "ON CONFLICT (service_id, stream, grain_key) DO UPDATE SET applied_through = max(applied_through, excluded.applied_through)";

    public static async Task WriteStatesAsync(SqliteConnection connection, SqliteTransaction transaction, BulkExport export, string now, CancellationToken cancellationToken)
    {
        await using var insert = Prepare(connection, transaction, InsertState, "@hash", "@n0", "@n1", "@typehash", "@type", "@ext", "@service", "@payload", "@now");
        await using var update = Prepare(connection, transaction, UpdateState, "@payload", "@now", "@service", "@type", "@n0", "@n1", "@extkey", "@base");
        foreach (var state in export.States)
        {
            var key = StorageRowKey.Of(state.GrainId, state.StateName);
            var command = state.BaseVersion is null ? insert : update;
            Set(command, "@hash", key.GrainIdHash, "@n0", key.N0, "@n1", key.N1, "@typehash", key.TypeHash, "@type", key.TypeString, "@ext", key.Extension,
                "@extkey", key.Extension ?? "", "@service", export.ServiceId, "@payload", state.Json, "@now", now, "@base", state.BaseVersion);
            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new BulkLoadConflictException($"grain {state.GrainId} state '{state.StateName}' changed while bulk loading; nothing was written");
            }
        }
    }

    public static async Task WriteLogAsync(SqliteConnection connection, SqliteTransaction transaction, BulkExport export, CancellationToken cancellationToken)
    {
        await using (var insert = Prepare(connection, transaction, InsertRow, "@seq", "@service", "@id", "@user", "@action", "@post", "@target", "@subject", "@time", "@value", "@accepted"))
        {
            foreach (var row in export.Rows)
            {
                var e = row.Event;
                Set(insert, "@seq", e.Sequence, "@service", export.ServiceId, "@id", e.EventId, "@user", e.UserId, "@action", e.Action.Name(), "@post", e.PostId,
                    "@target", e.TargetUserId, "@subject", e.SubjectId, "@time", e.Time.UtcTicks, "@value", e.Value, "@accepted", row.AcceptedTicks);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using var checkpoint = Prepare(connection, transaction, UpsertCheckpoint, "@service", "@stream", "@key", "@through");
        foreach (var ((stream, key), through) in export.Checkpoints)
        {
            Set(checkpoint, "@service", export.ServiceId, "@stream", stream == LogStream.Post ? "post" : "user", "@key", key, "@through", through);
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = new SqliteCommand(sql, connection, transaction);
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        command.Prepare();
        return command;
    }

    // Sets the parameters the command has, from name/value pairs; the others are ignored.
    private static void Set(SqliteCommand command, params object?[] pairs)
    {
        for (var i = 0; i < pairs.Length; i += 2)
        {
            var name = (string)pairs[i]!;
            if (command.Parameters.Contains(name))
            {
                command.Parameters[name].Value = pairs[i + 1] ?? DBNull.Value;
            }
        }
    }
}
