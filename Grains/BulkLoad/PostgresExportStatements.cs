using Npgsql;
using NpgsqlTypes;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.BulkLoad;

/// <summary>The PostgreSQL statements of a bulk export: one array-valued statement per chunk of rows.</summary>
internal static class PostgresExportStatements
{
    private const int ChunkSize = 5_000;

    private const string InsertStates =
        "INSERT INTO recsys_grain_storage (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring, serviceid, payloadjson, modifiedon, version) " +
        "SELECT u.hash, u.n0, u.n1, u.typehash, u.type, u.ext, @service, u.payload, @now, 1 " +
        "FROM unnest(@hash, @n0, @n1, @typehash, @type, @ext, @payload) AS u(hash, n0, n1, typehash, type, ext, payload) ON CONFLICT DO NOTHING";

    private const string UpdateStates =
        "UPDATE recsys_grain_storage t SET payloadjson = u.payload, modifiedon = @now, version = t.version + 1 " +
        "FROM unnest(@n0, @n1, @type, @ext, @payload, @base) AS u(n0, n1, type, ext, payload, base) " +
        "WHERE t.serviceid = @service AND t.graintypestring = u.type AND t.grainidn0 = u.n0 AND t.grainidn1 = u.n1 " +
        "AND coalesce(t.grainidextensionstring, '') = coalesce(u.ext, '') AND t.version = u.base";

    private const string InsertRows =
        "INSERT INTO recsys_engagement_log (seq, service_id, event_id, user_id, action, post_id, target_user_id, subject_id, event_ticks, value, accepted_ticks) OVERRIDING SYSTEM VALUE " +
        "SELECT u.seq, @service, u.id, u.usr, u.act, u.post, u.target, u.subject, u.ticks, u.val, u.accepted " +
        "FROM unnest(@seq, @ids, @users, @actions, @posts, @targets, @subjects, @times, @values, @accepted) AS u(seq, id, usr, act, post, target, subject, ticks, val, accepted)";

    private const string AdvanceSequence =
        "SELECT setval(pg_get_serial_sequence('recsys_engagement_log', 'seq'), (SELECT max(seq) FROM recsys_engagement_log))";

    private const string UpsertCheckpoints =
        "INSERT INTO recsys_engagement_checkpoints (service_id, stream, grain_key, applied_through) SELECT @service, u.stream, u.key, u.through " +
        "FROM unnest(@streams, @keys, @through) AS u(stream, key, through) " +
        "ON CONFLICT (service_id, stream, grain_key) DO UPDATE SET applied_through = greatest(recsys_engagement_checkpoints.applied_through, excluded.applied_through)";

    public static async Task WriteStatesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BulkExport export, CancellationToken cancellationToken)
    {
        foreach (var chunk in export.States.Where(s => s.BaseVersion is null).Chunk(ChunkSize))
        {
            var keys = chunk.Select(s => StorageRowKey.Of(s.GrainId, s.StateName)).ToArray();
            await ExpectAsync(chunk.Length, "new", connection, transaction, InsertStates, cancellationToken,
                Param("service", export.ServiceId), Param("now", export.Now.ToUniversalTime()),
                Param("hash", keys.Select(k => k.GrainIdHash).ToArray()), Param("n0", keys.Select(k => k.N0).ToArray()),
                Param("n1", keys.Select(k => k.N1).ToArray()), Param("typehash", keys.Select(k => k.TypeHash).ToArray()),
                Param("type", keys.Select(k => k.TypeString).ToArray()), Text("ext", keys.Select(k => k.Extension)),
                Json(chunk.Select(s => s.Json)));
        }

        foreach (var chunk in export.States.Where(s => s.BaseVersion is not null).Chunk(ChunkSize))
        {
            var keys = chunk.Select(s => StorageRowKey.Of(s.GrainId, s.StateName)).ToArray();
            await ExpectAsync(chunk.Length, "existing", connection, transaction, UpdateStates, cancellationToken,
                Param("service", export.ServiceId), Param("now", export.Now.ToUniversalTime()),
                Param("n0", keys.Select(k => k.N0).ToArray()), Param("n1", keys.Select(k => k.N1).ToArray()),
                Param("type", keys.Select(k => k.TypeString).ToArray()), Text("ext", keys.Select(k => k.Extension)),
                Json(chunk.Select(s => s.Json)), Param("base", chunk.Select(s => s.BaseVersion!.Value).ToArray()));
        }
    }

    public static async Task WriteLogAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BulkExport export, CancellationToken cancellationToken)
    {
        foreach (var chunk in export.Rows.Chunk(ChunkSize))
        {
            var e = chunk.Select(r => r.Event).ToArray();
            await ExecuteAsync(connection, transaction, InsertRows, cancellationToken,
                Param("service", export.ServiceId), Param("seq", e.Select(x => x.Sequence).ToArray()), Param("ids", e.Select(x => x.EventId).ToArray()),
                Param("users", e.Select(x => x.UserId).ToArray()), Param("actions", e.Select(x => x.Action.Name()).ToArray()),
                Longs("posts", e.Select(x => x.PostId)), Longs("targets", e.Select(x => x.TargetUserId)), Longs("subjects", e.Select(x => x.SubjectId)),
                Param("times", e.Select(x => x.Time.UtcTicks).ToArray()),
                new NpgsqlParameter("values", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = e.Select(x => x.Value).ToArray() },
                Param("accepted", chunk.Select(r => r.AcceptedTicks).ToArray()));
        }

        if (export.Rows.Count > 0)
        {
            await ExecuteAsync(connection, transaction, AdvanceSequence, cancellationToken);
        }

        foreach (var chunk in export.Checkpoints.Chunk(ChunkSize))
        {
            await ExecuteAsync(connection, transaction, UpsertCheckpoints, cancellationToken, Param("service", export.ServiceId),
                Param("streams", chunk.Select(c => c.Key.Stream == LogStream.Post ? "post" : "user").ToArray()),
                Param("keys", chunk.Select(c => c.Key.Key).ToArray()), Param("through", chunk.Select(c => c.Value).ToArray()));
        }
    }

    private static async Task ExpectAsync(int expected, string what, NpgsqlConnection connection, NpgsqlTransaction transaction, string sql,
        CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        var written = await ExecuteAsync(connection, transaction, sql, cancellationToken, parameters);
        if (written != expected)
        {
            throw new BulkLoadConflictException($"{expected - written} {what} grain states changed while bulk loading; nothing was written");
        }
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter<T> Param<T>(string name, T value) => new(name, value);

    private static NpgsqlParameter Longs(string name, IEnumerable<long?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = values.ToArray() };

    private static NpgsqlParameter Text(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = values.ToArray() };

    private static NpgsqlParameter Json(IEnumerable<string?> values) =>
        new("payload", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = values.ToArray() };
}
