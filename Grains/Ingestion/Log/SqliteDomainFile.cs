using Microsoft.Data.Sqlite;
using Recsys.Grains.Ingestion.Log.Schema;
using Recsys.Runtime.Storage.Sqlite;

namespace Recsys.Grains.Ingestion.Log;

/// <summary>
/// The silo's SQLite file as the domain's logs use it (the engagement log, the served-item log): pooled connections
/// with the location's pragmas, the domain schema applied once (WAL set with it), and every write through the file's
/// <see cref="SqliteWriteQueue"/>, so the logs share its group commit with grain storage instead of contending for
/// SQLite's one write lock.
/// </summary>
public sealed class SqliteDomainFile
{
    private const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS " + DomainSchemaMigrator.VersionTable + " (script_name TEXT NOT NULL PRIMARY KEY, " +
        "applied_on TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))";

    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private readonly SqliteWriteQueue _writes;
    private volatile bool _schemaReady;

    public SqliteDomainFile(EngagementLogOptions location)
    {
        var builder = string.IsNullOrWhiteSpace(location.ConnectionString)
            ? new SqliteConnectionStringBuilder { DataSource = location.FilePath }
            : new SqliteConnectionStringBuilder(location.ConnectionString);
        builder.Pooling = true;
        _connectionString = builder.ToString();
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(builder.DataSource))!);
        }

        _pragmas = SqlitePragmas.ForConnection(location.BusyTimeout, location.PageCacheMebibytes, location.WalAutocheckpointPages);
        _writes = SqliteWriteQueue.For(_connectionString, OpenAsync);
    }

    /// <summary>A write sharing its transaction with whatever else is queued for the file, in its own savepoint.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        if (!_schemaReady)
        {
            await (await OpenAsync(cancellationToken)).DisposeAsync();
        }

        return await _writes.WriteAsync(write);
    }

    /// <summary>A connection for reading (WAL readers never block the writer).</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        // WAL is a property of the file: set with the schema, once; the rest are per connection and cheap.
        var connection = await SqlitePooledConnection.OpenAsync(_connectionString, _schemaReady ? _pragmas : _pragmas + " PRAGMA journal_mode = WAL;", cancellationToken);
        try
        {
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
