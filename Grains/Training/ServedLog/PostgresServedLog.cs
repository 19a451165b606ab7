using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Ingestion.Log.Schema;

namespace Recsys.Grains.Training.ServedLog;

/// <summary>
/// The served-item log in PostgreSQL (cluster mode; same connection string as the engagement log). A batch is one
/// binary COPY: no per-row round trip, and rows need no ordering lock because nothing replays them in id order.
/// </summary>
public sealed class PostgresServedLog : SqlServedLog, IAsyncDisposable
{
    // The runtime's schema lock, so domain and runtime migrations never run side by side.
    private const long SchemaLockKey = 0x5265637379730001;

    private const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS " + DomainSchemaMigrator.VersionTable + " (script_name varchar(256) NOT NULL PRIMARY KEY, " +
        "applied_on timestamptz NOT NULL DEFAULT now())";

    private const string Copy = "COPY recsys_served_log (service_id, " + Columns + ") FROM STDIN (FORMAT BINARY)";

    private readonly NpgsqlDataSource _dataSource;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    public PostgresServedLog(EngagementLogOptions location, string serviceId)
        : base(serviceId)
    {
        _dataSource = NpgsqlDataSource.Create(location.ConnectionString!);
    }

    public override async Task AppendAsync(IReadOnlyList<ServedItem> items, CancellationToken cancellationToken = default)
    {
        await using var connection = (NpgsqlConnection)await OpenAsync(cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync(Copy, cancellationToken);
        foreach (var item in items)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(ServiceId, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(item.ViewerId, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(item.PostId, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(item.AuthorId, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(item.ServedAt.UtcTicks, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(item.Position, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(item.Source, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(item.InNetwork, NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteAsync(item.HeavyRankerVersion, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(item.LightRankerVersion, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(FeatureBytes.Encode(item.Features), NpgsqlDbType.Bytea, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        if (_schemaReady)
        {
            return connection;
        }

        try
        {
            await _schemaGate.WaitAsync(cancellationToken);
            try
            {
                if (!_schemaReady)
                {
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                    await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
                    {
                        command.Parameters.Add(new NpgsqlParameter<long>("key", SchemaLockKey));
                        await command.ExecuteNonQueryAsync(cancellationToken);
                    }

                    await DomainSchemaMigrator.MigrateAsync(connection, transaction, "postgresql", CreateVersionTable, cancellationToken);
                    _schemaReady = true;
                }
            }
            finally
            {
                _schemaGate.Release();
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
