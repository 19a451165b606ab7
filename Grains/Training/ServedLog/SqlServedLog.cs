using System.Data;
using System.Data.Common;

namespace Recsys.Grains.Training.ServedLog;

/// <summary>The served-item log's SQL that is the same on SQLite and PostgreSQL: reading and pruning. Each engine appends its own way.</summary>
public abstract class SqlServedLog(string serviceId) : IServedLog
{
    protected const string Columns = "viewer_id, post_id, author_id, served_ticks, position, source, in_network, heavy_version, light_version, features";

    private const string Read =
        "SELECT id, " + Columns + " FROM recsys_served_log WHERE service_id = @service AND served_ticks >= @from AND served_ticks < @to AND id > @after " +
        "ORDER BY id LIMIT @max";

    private const string Prune = "DELETE FROM recsys_served_log WHERE service_id = @service AND served_ticks < @before";

    protected string ServiceId { get; } = serviceId;

    public abstract Task AppendAsync(IReadOnlyList<ServedItem> items, CancellationToken cancellationToken = default);

    public async Task<IReadOnlyList<ServedLogRow>> ReadAsync(DateTimeOffset from, DateTimeOffset to, long afterId, int max, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, Read,
            ("service", ServiceId), ("from", from.UtcTicks), ("to", to.UtcTicks), ("after", afterId), ("max", (long)max));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ServedLogRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ServedLogRow(reader.GetInt64(0), new ServedItem(
                reader.GetInt64(1),
                reader.GetInt64(2),
                reader.GetInt64(3),
                new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
                reader.GetInt32(5),
                reader.GetString(6),
                reader.GetBoolean(7),
                reader.GetString(8),
                reader.GetString(9),
                FeatureBytes.Decode((byte[])reader.GetValue(10)))));
        }

        return rows;
    }

    public async Task<int> PruneAsync(DateTimeOffset servedBefore, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, Prune, ("service", ServiceId), ("before", servedBefore.UtcTicks));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    protected static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            parameter.DbType = value is string ? DbType.String : DbType.Int64;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
