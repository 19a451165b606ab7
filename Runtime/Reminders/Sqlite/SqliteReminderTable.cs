using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Storage.Schema;
using Recsys.Runtime.Storage.Sqlite;

namespace Recsys.Runtime.Reminders.Sqlite;

/// <summary>Reminders in a SQLite file (WAL mode); times are ISO-8601 UTC text at millisecond precision.</summary>
internal sealed class SqliteReminderTable : SqlReminderTable
{
    private readonly SqliteConnectionFactory _connections;

    public SqliteReminderTable(SqliteStorageOptions options, IOptions<ClusterOptions> clusterOptions, ILogger<SqliteReminderTable> logger)
        : this(new SqliteConnectionFactory(options), clusterOptions.Value.ServiceId, logger)
    {
    }

    private SqliteReminderTable(SqliteConnectionFactory connections, string serviceId, ILogger logger)
        : base(serviceId, new SchemaMigrator(new SqliteSchemaDialect(connections), logger))
    {
        _connections = connections;
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);

    protected override object ToDbTimestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    protected override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
