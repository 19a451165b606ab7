using System.Data.Common;
using Npgsql;
using Recsys.Runtime.Storage.Schema;

namespace Recsys.Runtime.Storage.Postgres;

/// <summary>
/// PostgreSQL flavour of schema migration: a transaction-scoped advisory lock serialises silos that start at
/// once, so CREATE ... IF NOT EXISTS never races itself (which PostgreSQL does not guard against).
/// </summary>
internal sealed class PostgresSchemaDialect : ISchemaDialect
{
    // Any fixed 64-bit number shared by all migrators; these are the ASCII bytes of "Recsys" followed by 0x0001.
    private const long AdvisoryLockKey = 0x5265637379730001;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresSchemaDialect(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    public string ScriptFolder => "postgresql";

    public string CreateVersionTableSql =>
        "CREATE TABLE IF NOT EXISTS " + SchemaMigrator.VersionTable + " (" +
        "script_name varchar(256) NOT NULL PRIMARY KEY, " +
        "applied_on timestamptz NOT NULL DEFAULT now())";

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public async Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)connection;
        var transaction = await npgsql.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", npgsql, transaction);
            command.Parameters.Add(new NpgsqlParameter<long>("key", AdvisoryLockKey));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
