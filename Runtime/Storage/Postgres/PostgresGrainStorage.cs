using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Storage.Schema;

namespace Recsys.Runtime.Storage.Postgres;

/// <summary>
/// Grain storage in PostgreSQL, in the OrleansStorage-shaped recsys_grain_storage table. The payload column is
/// jsonb so an admin can query state; note that jsonb normalises the text (whitespace, key order), so a read
/// returns JSON equal in meaning, not byte for byte, to what was written.
/// </summary>
internal sealed class PostgresGrainStorage : SqlGrainStorage
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresGrainStorage(
        string name,
        PostgresStorageOptions options,
        NpgsqlDataSourceCache dataSources,
        IOptions<ClusterOptions> clusterOptions,
        ILogger<PostgresGrainStorage> logger)
        : this(name, dataSources.Get(options.ConnectionString), clusterOptions.Value.ServiceId, logger)
    {
    }

    private PostgresGrainStorage(string name, NpgsqlDataSource dataSource, string serviceId, ILogger logger)
        : base(name, serviceId, new SchemaMigrator(new PostgresSchemaDialect(dataSource), logger), logger)
    {
        _dataSource = dataSource;
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override void AddPayloadParameter(DbCommand command, string? json) =>
        command.Parameters.Add(new NpgsqlParameter("payload", NpgsqlDbType.Jsonb) { Value = (object?)json ?? DBNull.Value });

    protected override object ToDbTimestamp(DateTimeOffset value) => value.ToUniversalTime();

    protected override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        reader.GetFieldValue<DateTimeOffset>(ordinal);
}
