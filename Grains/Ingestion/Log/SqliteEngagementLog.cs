using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Recsys.Grains.Ingestion.Log.Schema;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Ingestion.Log;

/// <summary>
/// The event log in a SQLite file (WAL), usually the silo's own database beside grain state. One writer at a time,
/// so sequences commit in order; a batch is one transaction (<see cref="SqliteLogAppend"/>: multi-row inserts).
/// </summary>
public sealed class SqliteEngagementLog : SqlEngagementLog
{
    private const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS " + DomainSchemaMigrator.VersionTable + " (script_name TEXT NOT NULL PRIMARY KEY, " +
        "applied_on TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))";

    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
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
    }

    public override async Task<long[]> AppendAsync(IReadOnlyList<PendingEngagement> events, DateTimeOffset acceptedAt, CancellationToken cancellationToken = default)
    {
        await using var connection = (SqliteConnection)await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var sequences = await SqliteLogAppend.AppendAsync(connection, transaction, ServiceId, events, acceptedAt.UtcTicks, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sequences;
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
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
