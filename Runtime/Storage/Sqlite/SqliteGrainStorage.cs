using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Storage.Schema;

namespace Recsys.Runtime.Storage.Sqlite;

/// <summary>
/// Grain storage in a SQLite file (WAL mode): for a single-machine deployment or development. The payload is
/// JSON text, modifiedon ISO-8601 UTC text; the schema is applied on first use.
/// </summary>
internal sealed class SqliteGrainStorage : SqlGrainStorage
{
    private readonly SqliteConnectionFactory _connections;

    public SqliteGrainStorage(string name, SqliteStorageOptions options, IOptions<ClusterOptions> clusterOptions, ILogger<SqliteGrainStorage> logger)
        : this(name, new SqliteConnectionFactory(options), clusterOptions.Value.ServiceId, logger)
    {
    }

    private SqliteGrainStorage(string name, SqliteConnectionFactory connections, string serviceId, ILogger logger)
        : base(name, serviceId, new SchemaMigrator(new SqliteSchemaDialect(connections), logger), logger)
    {
        _connections = connections;
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);

    protected override async Task<T> RunWriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _connections.Writes.WriteAsync(write).ConfigureAwait(false);
    }

    protected override void AddPayloadParameter(DbCommand command, string? json) =>
        command.Parameters.Add(new SqliteParameter("payload", SqliteType.Text) { Value = (object?)json ?? DBNull.Value });

    protected override object ToDbTimestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    protected override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
