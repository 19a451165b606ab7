using Npgsql;
using NpgsqlTypes;
using Recsys.Grains.Ingestion.Log;
using Recsys.Runtime.Hosting;

namespace Recsys.Grains.BulkLoad;

/// <summary>
/// A PostgreSQL database as bulk-load target (cluster mode). The export holds the event log's append lock, so no
/// silo can append while it writes, and sends rows as arrays (INSERT ... SELECT FROM unnest) in chunks.
/// </summary>
public sealed class PostgresBulkTarget(string connectionString) : BulkTarget, IAsyncDisposable
{
    // The engagement log's append lock (PostgresEngagementLog.AppendLockKey).
    private const long AppendLockKey = 0x5265637379730010;

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);

    public override string Description => $"PostgreSQL {new NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ConnectionString}";

    public override void AddTargetStorage(SiloBuilder silo) => silo.AddPostgresGrainStorage(TargetStorageName, o => o.ConnectionString = connectionString);

    public override IEngagementLog CreateLog(string serviceId) =>
        new PostgresEngagementLog(new EngagementLogOptions { Provider = EngagementLogProvider.Postgres, ConnectionString = connectionString }, serviceId);

    public override async Task<long> MaxSequenceAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT coalesce(max(seq), 0) FROM recsys_engagement_log");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public override async Task<HashSet<string>> ExistingEventIdsAsync(string serviceId, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT event_id FROM recsys_engagement_log WHERE service_id = @service AND event_id = ANY(@ids)");
        command.Parameters.Add(new NpgsqlParameter<string>("service", serviceId));
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", ids.ToArray()));
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    public override async Task ExportAsync(BulkExport export, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<long>("key", AppendLockKey));
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var max = new NpgsqlCommand("SELECT coalesce(max(seq), 0) FROM recsys_engagement_log", connection, transaction))
        {
            if ((long)(await max.ExecuteScalarAsync(cancellationToken))! != export.BaseSequence)
            {
                throw new BulkLoadConflictException($"{Description}: events were appended to this database's log (by a silo of any service: they share its sequence) while bulk loading; nothing of this chunk was written");
            }
        }

        await PostgresExportStatements.WriteStatesAsync(connection, transaction, export, cancellationToken);
        await PostgresExportStatements.WriteLogAsync(connection, transaction, export, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
