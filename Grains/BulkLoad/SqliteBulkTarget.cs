using System.Globalization;
using Microsoft.Data.Sqlite;
using Recsys.Grains.Ingestion.Log;
using Recsys.Runtime.Hosting;

namespace Recsys.Grains.BulkLoad;

/// <summary>A SQLite database file as bulk-load target (the embedded silo's ./data/recsys.db).</summary>
public sealed class SqliteBulkTarget(string filePath) : BulkTarget
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = filePath, Pooling = true }.ToString();

    public override string Description => $"SQLite {filePath}";

    public override void AddTargetStorage(SiloBuilder silo) => silo.AddSqliteGrainStorage(TargetStorageName, o => o.FilePath = filePath);

    public override IEngagementLog CreateLog(string serviceId) =>
        new SqliteEngagementLog(new EngagementLogOptions { Provider = EngagementLogProvider.Sqlite, FilePath = filePath }, serviceId);

    public override async Task<long> MaxSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new SqliteCommand("SELECT coalesce(max(seq), 0) FROM recsys_engagement_log", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public override async Task<HashSet<string>> ExistingEventIdsAsync(string serviceId, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new SqliteCommand("SELECT 1 FROM recsys_engagement_log WHERE service_id = @service AND event_id = @id", connection);
        var id = command.Parameters.Add("@id", SqliteType.Text);
        command.Parameters.AddWithValue("@service", serviceId);
        command.Prepare();
        foreach (var eventId in ids)
        {
            id.Value = eventId;
            if (await command.ExecuteScalarAsync(cancellationToken) is not null)
            {
                found.Add(eventId);
            }
        }

        return found;
    }

    public override async Task ExportAsync(BulkExport export, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var max = new SqliteCommand("SELECT coalesce(max(seq), 0) FROM recsys_engagement_log", connection, transaction))
        {
            if ((long)(await max.ExecuteScalarAsync(cancellationToken))! != export.BaseSequence)
            {
                throw new BulkLoadConflictException($"{Description}: events were appended to this database's log while bulk loading; nothing of this chunk was written");
            }
        }

        await SqliteExportStatements.WriteStatesAsync(connection, transaction, export, export.Now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), cancellationToken);
        await SqliteExportStatements.WriteLogAsync(connection, transaction, export, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = new SqliteCommand("PRAGMA busy_timeout = 30000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", connection);
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
