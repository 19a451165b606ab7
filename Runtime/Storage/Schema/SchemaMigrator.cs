using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace Recsys.Runtime.Storage.Schema;

/// <summary>
/// Applies every embedded script of a dialect that is not yet listed in recsys_schema_version, in name order,
/// inside one exclusive transaction, so several silos starting at once apply each script exactly once.
/// </summary>
internal sealed class SchemaMigrator
{
    public const string VersionTable = "recsys_schema_version";

    private readonly ISchemaDialect _dialect;
    private readonly ILogger _logger;

    public SchemaMigrator(ISchemaDialect dialect, ILogger logger)
    {
        _dialect = dialect;
        _logger = logger;
    }

    /// <summary>Returns the names of the scripts this call applied (empty when the schema was current).</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var scripts = EmbeddedSchemaScripts.For(_dialect.ScriptFolder);
        await using var connection = await _dialect.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await _dialect.BeginExclusiveAsync(connection, cancellationToken).ConfigureAwait(false);

        await ExecuteAsync(connection, transaction, _dialect.CreateVersionTableSql, null, cancellationToken).ConfigureAwait(false);
        var applied = await ReadAppliedAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

        var appliedNow = new List<string>();
        foreach (var script in scripts)
        {
            if (applied.Contains(script.Name))
            {
                continue;
            }

            await ExecuteAsync(connection, transaction, script.Sql, null, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"INSERT INTO {VersionTable} (script_name) VALUES (@name)", script.Name, cancellationToken).ConfigureAwait(false);
            appliedNow.Add(script.Name);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var name in appliedNow)
        {
            _logger.LogInformation("Applied {Dialect} schema script {Script}", _dialect.ScriptFolder, name);
        }

        return appliedNow;
    }

    private static async Task<HashSet<string>> ReadAppliedAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT script_name FROM {VersionTable}";
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, string? name, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (name is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "name";
            parameter.Value = name;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
