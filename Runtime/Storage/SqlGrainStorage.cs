using System.Data.Common;
using Microsoft.Extensions.Logging;
using Recsys.Runtime.Storage.Schema;

namespace Recsys.Runtime.Storage;

/// <summary>
/// The OrleansStorage-shaped provider logic shared by SQLite and PostgreSQL: the SQL text is the same for both
/// (parameterised, INSERT ... ON CONFLICT DO NOTHING for first writes, UPDATE ... WHERE version = @expected for
/// the rest); subclasses supply connections and the payload/timestamp column types.
/// </summary>
internal abstract class SqlGrainStorage : IGrainStorage
{
    // The identity matches the unique index column for column, so every statement is one index probe.
    private const string Identity =
        "serviceid = @serviceid AND graintypestring = @typestring AND grainidn0 = @n0 AND grainidn1 = @n1 " +
        "AND coalesce(grainidextensionstring, '') = @extensionkey";

    private const string ReadSql = "SELECT payloadjson, version, modifiedon FROM recsys_grain_storage WHERE " + Identity;

    private const string VersionSql = "SELECT version FROM recsys_grain_storage WHERE " + Identity;

    private const string InsertSql =
        "INSERT INTO recsys_grain_storage (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, " +
        "grainidextensionstring, serviceid, payloadjson, modifiedon, version) " +
        "VALUES (@grainidhash, @n0, @n1, @typehash, @typestring, @extension, @serviceid, @payload, @now, 1) " +
        "ON CONFLICT DO NOTHING RETURNING version";

    private const string UpdateSql =
        "UPDATE recsys_grain_storage SET payloadjson = @payload, modifiedon = @now, version = version + 1 " +
        "WHERE " + Identity + " AND version = @expected RETURNING version";

    private readonly string _serviceId;
    private readonly ILogger _logger;
    private readonly AsyncOnce _schema;

    protected SqlGrainStorage(string name, string serviceId, SchemaMigrator migrator, ILogger logger)
    {
        Name = name;
        _serviceId = serviceId;
        _logger = logger;
        _schema = new AsyncOnce(migrator.MigrateAsync);
    }

    /// <summary>The provider name it was registered under.</summary>
    public string Name { get; }

    public async Task<GrainStateRecord?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default)
    {
        var key = GrainStorageKey.Create(grainId, stateName);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, ReadSql, key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var json = await reader.IsDBNullAsync(0, cancellationToken).ConfigureAwait(false) ? null : reader.GetString(0);
        return new GrainStateRecord(json, StorageETag.Format(reader.GetInt32(1)), ReadTimestamp(reader, 2));
    }

    public Task<string> WriteAsync(GrainId grainId, string stateName, string json, string? expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        return SwapAsync("WriteState", grainId, stateName, json, expectedETag, cancellationToken);
    }

    public Task<string> ClearAsync(GrainId grainId, string stateName, string? expectedETag, CancellationToken cancellationToken = default) =>
        SwapAsync("ClearState", grainId, stateName, null, expectedETag, cancellationToken);

    /// <summary>Opens a connection to a database whose schema is current.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Adds @payload, typed for the payload column (null clears it).</summary>
    protected abstract void AddPayloadParameter(DbCommand command, string? json);

    /// <summary>The value to bind for a timestamp column.</summary>
    protected abstract object ToDbTimestamp(DateTimeOffset value);

    protected abstract DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);

    protected static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Runs a write on a connection whose schema is current; SQLite queues it for its file's one writer.</summary>
    protected virtual async Task<T> RunWriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await write(connection).ConfigureAwait(false);
    }

    /// <summary>Makes sure the schema is current (once).</summary>
    protected Task EnsureSchemaAsync(CancellationToken cancellationToken) => _schema.EnsureAsync(cancellationToken);

    private Task<string> SwapAsync(string operation, GrainId grainId, string stateName, string? json, string? expectedETag, CancellationToken cancellationToken) =>
        RunWriteAsync(connection => SwapAsync(connection, operation, grainId, stateName, json, expectedETag, cancellationToken), cancellationToken);

    private async Task<string> SwapAsync(DbConnection connection, string operation, GrainId grainId, string stateName, string? json, string? expectedETag, CancellationToken cancellationToken)
    {
        var key = GrainStorageKey.Create(grainId, stateName);
        int expected = 0;
        var parsed = expectedETag is null || StorageETag.TryParse(expectedETag, out expected);

        if (parsed)
        {
            await using var command = CreateCommand(connection, expectedETag is null ? InsertSql : UpdateSql, key);
            AddPayloadParameter(command, json);
            AddParameter(command, "now", ToDbTimestamp(DateTimeOffset.UtcNow));
            if (expectedETag is null)
            {
                AddParameter(command, "grainidhash", key.GrainIdHash);
                AddParameter(command, "typehash", key.TypeHash);
                AddParameter(command, "extension", key.Extension);
            }
            else
            {
                AddParameter(command, "expected", expected);
            }

            // RETURNING yields the new version, or no row when the insert hit an existing row / the version moved on.
            var newVersion = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            if (newVersion is not null and not DBNull)
            {
                return StorageETag.Format(Convert.ToInt32(newVersion, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        // Failure path only: one more probe so the exception can say what is stored.
        int? stored;
        await using (var probe = CreateCommand(connection, VersionSql, key))
        {
            var value = await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            stored = value is null or DBNull ? null : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        _logger.LogDebug("Version conflict ({Operation}) on {GrainId} state {StateName}: expected {Expected}, stored {Stored}", operation, grainId, stateName, expectedETag, stored);
        throw StorageETag.Conflict(operation, grainId, stateName, stored, expectedETag);
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private DbCommand CreateCommand(DbConnection connection, string sql, GrainStorageKey key)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameter(command, "serviceid", _serviceId);
        AddParameter(command, "typestring", key.TypeString);
        AddParameter(command, "n0", key.N0);
        AddParameter(command, "n1", key.N1);
        AddParameter(command, "extensionkey", key.ExtensionOrEmpty);
        return command;
    }
}
