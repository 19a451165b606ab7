using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Recsys.Grains.Tests.BulkLoad;

/// <summary>
/// Everything a load left in a database for one service, in a form two loads can be compared in: grain states by
/// (type, key) with their JSON; log rows and checkpoints. Sequences are replaced by their rank among the service's
/// log rows (in cursors inside the states too), since a shared PostgreSQL log numbers rows globally.
/// </summary>
public sealed record StoredRows(IReadOnlyDictionary<string, string?> States, IReadOnlyList<string> Log, IReadOnlyList<string> Checkpoints)
{
    public static Task<StoredRows> ReadSqliteAsync(string path, string serviceId) =>
        ReadAsync(() => new SqliteConnection($"Data Source={path};Pooling=false"), serviceId);

    public static Task<StoredRows> ReadPostgresAsync(string connectionString, string serviceId) =>
        ReadAsync(() => new NpgsqlConnection(connectionString), serviceId);

    private static async Task<StoredRows> ReadAsync(Func<DbConnection> open, string serviceId)
    {
        await using var connection = open();
        await connection.OpenAsync();
        var log = await QueryAsync(connection, serviceId,
            "SELECT seq, event_id, user_id, action, post_id, target_user_id, subject_id, event_ticks, value FROM recsys_engagement_log WHERE service_id = @service ORDER BY seq");
        var rank = log.Select((row, i) => (Seq: long.Parse(row[0]!), Rank: i + 1L)).ToDictionary(p => p.Seq, p => p.Rank);
        var states = (await QueryAsync(connection, serviceId,
                "SELECT graintypestring, grainidn0, grainidn1, coalesce(grainidextensionstring, ''), CAST(payloadjson AS TEXT) FROM recsys_grain_storage WHERE serviceid = @service"))
            .ToDictionary(r => $"{r[0]}/{r[1]}/{r[2]}/{r[3]}", r => r[4] is null ? null : Ranked(JsonNode.Parse(r[4]!), rank)?.ToJsonString());
        var checkpoints = (await QueryAsync(connection, serviceId,
                "SELECT stream, grain_key, applied_through FROM recsys_engagement_checkpoints WHERE service_id = @service"))
            .Select(r => $"{r[0]}/{r[1]}: {rank.GetValueOrDefault(long.Parse(r[2]!))}").Order().ToArray();
        return new StoredRows(states, log.Select(r => string.Join('|', r.Skip(1).Prepend(rank[long.Parse(r[0]!)].ToString()))).ToArray(), checkpoints);
    }

    private static JsonNode? Ranked(JsonNode? node, IReadOnlyDictionary<long, long> rank)
    {
        if (node is JsonObject cursor && cursor.ContainsKey("appliedThrough"))
        {
            var through = cursor["appliedThrough"]!.GetValue<long>();
            cursor["appliedThrough"] = through == 0 ? 0 : rank.GetValueOrDefault(through, -through);
        }

        foreach (var child in node switch { JsonObject o => o.Select(p => p.Value), JsonArray a => a, _ => [] })
        {
            Ranked(child, rank);
        }

        return node;
    }

    private static async Task<List<string?[]>> QueryAsync(DbConnection connection, string serviceId, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "service";
        parameter.Value = serviceId;
        command.Parameters.Add(parameter);
        var rows = new List<string?[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        }

        return rows;
    }
}
