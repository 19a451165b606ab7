using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Storage.Postgres;
using Recsys.Runtime.Storage.Schema;

namespace Recsys.Runtime.Reminders.Postgres;

/// <summary>Reminders in PostgreSQL, in the OrleansRemindersTable-shaped recsys_reminders table.</summary>
internal sealed class PostgresReminderTable : SqlReminderTable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresReminderTable(
        PostgresStorageOptions options,
        NpgsqlDataSourceCache dataSources,
        IOptions<ClusterOptions> clusterOptions,
        ILogger<PostgresReminderTable> logger)
        : this(dataSources.Get(options.ConnectionString), clusterOptions.Value.ServiceId, logger)
    {
    }

    private PostgresReminderTable(NpgsqlDataSource dataSource, string serviceId, ILogger logger)
        : base(serviceId, new SchemaMigrator(new PostgresSchemaDialect(dataSource), logger))
    {
        _dataSource = dataSource;
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override object ToDbTimestamp(DateTimeOffset value) => value.ToUniversalTime();

    protected override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        reader.GetFieldValue<DateTimeOffset>(ordinal);
}
