using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Recsys.Grains.Ingestion.Log.Schema;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Runtime.Storage.Sqlite;

namespace Recsys.Grains.Ingestion.Log;

/// <summary>
/// The event log in a SQLite file (WAL), usually the silo's own database beside grain state. One writer at a time
/// (the file's <see cref="SqliteWriteQueue"/>), so sequences commit in order; a batch is in one transaction, shared
/// with the other writes queued meanwhile (<see cref="SqliteLogAppend"/>: one prepared row statement).
/// </summary>
public sealed class SqliteEngagementLog : SqlEngagementLog
{
    private const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS " + DomainSchemaMigrator.VersionTable + " (script_name TEXT NOT NULL PRIMARY KEY, " +
        "applied_on TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))";

    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private readonly SqliteWriteQueue _writes;
    private volatile bool _schemaReady;

    public SqliteEngagementLog(EngagementLogOptions options, string serviceId)
        : base(serviceId)
    {
        var builder = string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new SqliteConnectionStringBuilder { DataSource = options.FilePath }
            : new SqliteConnectionStringBuilder(options.ConnectionString);
        builder.Pooling = true;
        _connectionString = builder.ToString();
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(builder.DataSource))!);
        }

        _pragmas = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(int)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;");
        _writes = SqliteWriteQueue.For(_connectionString, OpenSqliteAsync);
    }

    public override Task<long[]> AppendAsync(IReadOnlyList<PendingEngagement> events, DateTimeOffset acceptedAt, CancellationToken cancellationToken = default) =>
        RunWriteAsync(connection => SqliteLogAppend.AppendAsync((SqliteConnection)connection, ServiceId, events, acceptedAt.UtcTicks, cancellationToken), cancellationToken);

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await OpenSqliteAsync(cancellationToken);

    // The batch shares its transaction with whatever else is queued for the file (group commit), each in its own savepoint.
    protected override async Task<T> RunWriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        if (!_schemaReady)
        {
            await (await OpenSqliteAsync(cancellationToken)).DisposeAsync();
        }

        return await _writes.WriteAsync(write);
    }

    private async Task<SqliteConnection> OpenSqliteAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var pragmas = connection.CreateCommand())
            {
                // WAL is a property of the file: set with the schema, once; the rest are per connection and cheap.
                pragmas.CommandText = _schemaReady ? _pragmas : _pragmas + " PRAGMA journal_mode = WAL;";
                await pragmas.ExecuteNonQueryAsync(cancellationToken);
            }

            if (!_schemaReady)
            {
                await EnsureSchemaAsync(connection, cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task EnsureSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await _schemaGate.WaitAsync(cancellationToken);
        try
        {
            if (!_schemaReady)
            {
                await using var transaction = connection.BeginTransaction(deferred: false);
                await DomainSchemaMigrator.MigrateAsync(connection, transaction, "sqlite", CreateVersionTable, cancellationToken);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }
}
