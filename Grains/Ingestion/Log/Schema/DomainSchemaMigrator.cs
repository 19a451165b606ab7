using System.Data.Common;

namespace Recsys.Grains.Ingestion.Log.Schema;

/// <summary>
/// Applies the domain's scripts not yet listed in recsys_schema_version, in order, in one exclusive transaction.
/// It shares the runtime migrator's bookkeeping table and lock (SQLite's write lock; PostgreSQL's advisory lock
/// 0x5265637379730001), so whichever of the two runs first applies a script and the other skips it; every script
/// is idempotent (CREATE ... IF NOT EXISTS) besides.
/// </summary>
internal static class DomainSchemaMigrator
{
    public const string VersionTable = "recsys_schema_version";

    /// <summary>Returns the names of the scripts this call applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(
        DbConnection connection, DbTransaction transaction, string dialect, string createVersionTableSql, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, createVersionTableSql, null, cancellationToken);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = Command(connection, transaction, $"SELECT script_name FROM {VersionTable}", null))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }

        var appliedNow = new List<string>();
        foreach (var (name, sql) in DomainSchemaScripts.For(dialect).Where(s => !applied.Contains(s.Name)))
        {
            await ExecuteAsync(connection, transaction, sql, null, cancellationToken);
            await ExecuteAsync(connection, transaction, $"INSERT INTO {VersionTable} (script_name) VALUES (@name)", name, cancellationToken);
            appliedNow.Add(name);
        }

        await transaction.CommitAsync(cancellationToken);
        return appliedNow;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, string? name, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, name);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, string? name)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (name is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "name";
            parameter.Value = name;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
