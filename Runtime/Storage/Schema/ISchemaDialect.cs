using System.Data.Common;

namespace Recsys.Runtime.Storage.Schema;

/// <summary>What <see cref="SchemaMigrator"/> needs to know about one database engine.</summary>
internal interface ISchemaDialect
{
    /// <summary>The folder under sql/ whose scripts belong to this engine.</summary>
    string ScriptFolder { get; }

    /// <summary>Creates the bookkeeping table; must be idempotent.</summary>
    string CreateVersionTableSql { get; }

    Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that no other migrator on the same database can run alongside.</summary>
    Task<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken);
}
