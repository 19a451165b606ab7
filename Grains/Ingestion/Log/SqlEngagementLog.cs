using System.Data;
using System.Data.Common;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Ingestion.Log;

/// <summary>
/// The parts of the event log that are the same SQL on SQLite and PostgreSQL: replay reads, checkpoints, pruning.
/// Appending differs (PostgreSQL takes an advisory lock and sends arrays), so each engine implements it.
/// </summary>
public abstract class SqlEngagementLog : IEngagementLog
{
    protected const string Columns = "seq, event_id, user_id, action, post_id, target_user_id, subject_id, event_ticks, value";

    private const string ReadPost =
        "SELECT " + Columns + " FROM recsys_engagement_log WHERE service_id = @service AND post_id = @key AND seq > @after ORDER BY seq LIMIT @max";

    // Two index range scans (actor, subject) merged; subject_id is NULL when it equals user_id, so no row appears twice.
    private const string ReadUser =
        "SELECT " + Columns + " FROM (" +
        "SELECT * FROM (SELECT " + Columns + " FROM recsys_engagement_log WHERE service_id = @service AND user_id = @key AND seq > @after ORDER BY seq LIMIT @max) a " +
        "UNION ALL " +
        "SELECT * FROM (SELECT " + Columns + " FROM recsys_engagement_log WHERE service_id = @service AND subject_id = @key AND seq > @after ORDER BY seq LIMIT @max) b" +
        ") u ORDER BY seq LIMIT @max";

    // Along the primary key; `service_id || ''` keeps the planner off the indexes that start with service_id.
    private const string ReadAll =
        "SELECT " + Columns + " FROM recsys_engagement_log WHERE service_id || '' = @service AND seq > @after ORDER BY seq LIMIT @max";

    private const string UpsertCheckpoint =
        "INSERT INTO recsys_engagement_checkpoints (service_id, stream, grain_key, applied_through) VALUES (@service, @stream, @key, @through) " +
        "ON CONFLICT (service_id, stream, grain_key) DO UPDATE SET applied_through = CASE " +
        "WHEN excluded.applied_through > recsys_engagement_checkpoints.applied_through THEN excluded.applied_through " +
        "ELSE recsys_engagement_checkpoints.applied_through END";

    protected SqlEngagementLog(string serviceId) => ServiceId = serviceId;

    protected string ServiceId { get; }

    public abstract Task<long[]> AppendAsync(IReadOnlyList<PendingEngagement> events, DateTimeOffset acceptedAt, CancellationToken cancellationToken = default);

    public virtual Task<IReadOnlyList<LoggedEngagement>> ReadAsync(LogStream stream, long key, long afterSequence, int max, CancellationToken cancellationToken = default) =>
        ReadRowsAsync(stream == LogStream.Post ? ReadPost : ReadUser, cancellationToken, ("service", ServiceId), ("key", key), ("after", afterSequence), ("max", (long)max));

    public Task<IReadOnlyList<LoggedEngagement>> ReadAllAsync(long afterSequence, int max, CancellationToken cancellationToken = default) =>
        ReadRowsAsync(ReadAll, cancellationToken, ("service", ServiceId), ("after", afterSequence), ("max", (long)max));

    private async Task<IReadOnlyList<LoggedEngagement>> ReadRowsAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<LoggedEngagement>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ReadRow(reader));
        }

        return rows;
    }

    public virtual Task RecordCheckpointAsync(LogStream stream, long key, long appliedThrough, CancellationToken cancellationToken = default) =>
        RunWriteAsync(async connection =>
        {
            await using var command = Command(connection, UpsertCheckpoint,
                ("service", ServiceId), ("stream", StreamName(stream)), ("key", key), ("through", appliedThrough));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public async Task<IReadOnlyList<GrainCheckpointLag>> FindLaggingAsync(DateTimeOffset acceptedBefore, int max, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, EngagementLogPruning.FindLaggingSql,
            ("service", ServiceId), ("before", acceptedBefore.UtcTicks), ("max", (long)max));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lagging = new List<GrainCheckpointLag>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lagging.Add(new GrainCheckpointLag(reader.GetString(0) == "post" ? LogStream.Post : LogStream.User, reader.GetInt64(1)));
        }

        return lagging;
    }

    public Task<int> PruneAsync(DateTimeOffset acceptedBefore, CancellationToken cancellationToken = default) =>
        RunWriteAsync(async connection =>
        {
            await using var command = Command(connection, EngagementLogPruning.PruneSql, ("service", ServiceId), ("before", acceptedBefore.UtcTicks));
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Runs a write in its own connection; SQLite queues it for its file's one writer instead.</summary>
    protected virtual async Task<T> RunWriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await write(connection);
    }

    protected static string StreamName(LogStream stream) => stream == LogStream.Post ? "post" : "user";

    protected static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            parameter.DbType = value switch
            {
                string => DbType.String,
                double => DbType.Double,
                _ => DbType.Int64,
            };
            command.Parameters.Add(parameter);
        }

        return command;
    }

    protected static LoggedEngagement ReadRow(DbDataReader reader)
    {
        EngagementActionNames.TryParse(reader.GetString(3), out var action);
        return new LoggedEngagement(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.GetInt64(2),
            action,
            reader.IsDBNull(4) ? null : reader.GetInt64(4),
            reader.IsDBNull(5) ? null : reader.GetInt64(5),
            reader.IsDBNull(6) ? null : reader.GetInt64(6),
            new DateTimeOffset(reader.GetInt64(7), TimeSpan.Zero),
            reader.IsDBNull(8) ? null : reader.GetDouble(8));
    }
}
