using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Ingestion.Log.Schema;

namespace Recsys.Grains.Training.ServedLog;

/// <summary>
/// The served-item log in the silo's SQLite file, beside the engagement log (same location options). A batch is one
/// transaction of prepared single-row inserts, which SQLite runs at memory speed inside a transaction.
/// </summary>
public sealed class SqliteServedLog : SqlServedLog
{
    private const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS " + DomainSchemaMigrator.VersionTable + " (script_name TEXT NOT NULL PRIMARY KEY, " +
        "applied_on TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))";

    private const string Insert =
        "INSERT INTO recsys_served_log (service_id, " + Columns + ") VALUES " +
        "(@service, @viewer, @post, @author, @served, @position, @source, @in_network, @heavy, @light, @features)";

    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    public SqliteServedLog(EngagementLogOptions location, string serviceId)
        : base(serviceId)
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

        _pragmas = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(int)location.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;");
    }

    public override async Task AppendAsync(IReadOnlyList<ServedItem> items, CancellationToken cancellationToken = default)
    {
        await using var connection = (SqliteConnection)await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Insert;
        command.Parameters.AddWithValue("service", ServiceId);
        var parameters = new[] { "viewer", "post", "author", "served", "position", "source", "in_network", "heavy", "light", "features" }
            .Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        foreach (var item in items)
        {
            parameters[0].Value = item.ViewerId;
            parameters[1].Value = item.PostId;
            parameters[2].Value = item.AuthorId;
            parameters[3].Value = item.ServedAt.UtcTicks;
            parameters[4].Value = item.Position;
            parameters[5].Value = item.Source;
            parameters[6].Value = item.InNetwork ? 1 : 0;
            parameters[7].Value = item.HeavyRankerVersion;
            parameters[8].Value = item.LightRankerVersion;
            parameters[9].Value = FeatureBytes.Encode(item.Features);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var pragmas = connection.CreateCommand())
            {
                pragmas.CommandText = _schemaReady ? _pragmas : _pragmas + " PRAGMA journal_mode = WAL;";
                await pragmas.ExecuteNonQueryAsync(cancellationToken);
            }

            if (!_schemaReady)
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

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
