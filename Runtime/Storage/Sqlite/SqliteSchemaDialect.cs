using System.Data.Common;
using Recsys.Runtime.Storage.Schema;

namespace Recsys.Runtime.Storage.Sqlite;

/// <summary>SQLite flavour of schema migration: BEGIN IMMEDIATE takes the database write lock up front.</summary>
internal sealed class SqliteSchemaDialect : ISchemaDialect
{
    private readonly SqliteConnectionFactory _connections;

    public SqliteSchemaDialect(SqliteConnectionFactory connections)
    {
        _connections = connections;
    }

    public string ScriptFolder => "sqlite";

    public string CreateVersionTableSql =>
        "CREATE TABLE IF NOT EXISTS " + SchemaMigrator.VersionTable + " (" +
        "script_name TEXT NOT NULL PRIMARY KEY, " +
        "applied_on TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))";

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);

    public Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((Microsoft.Data.Sqlite.SqliteConnection)connection).BeginTransaction(deferred: false));
}
