using System.Data.Common;
using System.Globalization;
using Recsys.Runtime.Storage;
using Recsys.Runtime.Storage.Schema;

namespace Recsys.Runtime.Reminders;

/// <summary>
/// The OrleansRemindersTable-shaped logic shared by SQLite and PostgreSQL (identical, parameterised SQL);
/// subclasses supply connections and the timestamp column type.
/// </summary>
internal abstract class SqlReminderTable : IReminderTable
{
    private const string Columns = "SELECT grainid, remindername, starttime, period, version FROM recsys_reminders WHERE serviceid = @serviceid";

    private const string UpsertSql =
        "INSERT INTO recsys_reminders (serviceid, grainid, remindername, starttime, period, grainhash, version) " +
        "VALUES (@serviceid, @grainid, @remindername, @starttime, @period, @grainhash, 1) " +
        "ON CONFLICT (serviceid, grainid, remindername) DO UPDATE SET starttime = excluded.starttime, " +
        "period = excluded.period, grainhash = excluded.grainhash, version = recsys_reminders.version + 1 " +
        "RETURNING version";

    private const string DeleteSql =
        "DELETE FROM recsys_reminders WHERE serviceid = @serviceid AND grainid = @grainid AND remindername = @remindername AND version = @version";

    private readonly string _serviceId;
    private readonly AsyncOnce _schema;

    protected SqlReminderTable(string serviceId, SchemaMigrator migrator)
    {
        _serviceId = serviceId;
        _schema = new AsyncOnce(migrator.MigrateAsync);
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _schema.EnsureAsync(cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(uint begin, uint end, CancellationToken cancellationToken = default)
    {
        // The stored hash keeps ring order under signed comparison, so (begin, end] is a plain index range,
        // or two of them when the range wraps past the top of the ring.
        var sql = begin < end ? Columns + " AND grainhash > @begin AND grainhash <= @end"
            : begin > end ? Columns + " AND (grainhash > @begin OR grainhash <= @end)"
            : Columns;
        return QueryAsync(sql, command =>
        {
            if (begin != end)
            {
                AddParameter(command, "begin", ReminderRows.ToStoredHash(begin));
                AddParameter(command, "end", ReminderRows.ToStoredHash(end));
            }
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        var text = ReminderRows.GrainIdText(grainId);
        return QueryAsync(Columns + " AND grainid = @grainid", command => AddParameter(command, "grainid", text), cancellationToken);
    }

    public async Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        var text = ReminderRows.GrainIdText(grainId);
        var rows = await QueryAsync(Columns + " AND grainid = @grainid AND remindername = @remindername", command =>
        {
            AddParameter(command, "grainid", text);
            AddParameter(command, "remindername", reminderName);
        }, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        var row = ReminderRows.Normalize(entry);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, UpsertSql);
        AddParameter(command, "grainid", row.GrainId.ToString());
        AddParameter(command, "remindername", row.ReminderName);
        AddParameter(command, "starttime", ToDbTimestamp(row.StartAt));
        AddParameter(command, "period", ReminderRows.PeriodMilliseconds(row.Period));
        AddParameter(command, "grainhash", ReminderRows.ToStoredHash(row.GrainId.GetUniformHashCode()));
        var version = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return StorageETag.Format(Convert.ToInt32(version, CultureInfo.InvariantCulture));
    }

    public async Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken = default)
    {
        var text = ReminderRows.GrainIdText(grainId);
        if (!StorageETag.TryParse(eTag, out var version))
        {
            return false;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, DeleteSql);
        AddParameter(command, "grainid", text);
        AddParameter(command, "remindername", reminderName);
        AddParameter(command, "version", version);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>Opens a connection; the schema has already been made current.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    protected abstract object ToDbTimestamp(DateTimeOffset value);

    protected abstract DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);

    private async Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = CreateCommand(connection, sql);
        bind(command);
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry(
                GrainId.Parse(reader.GetString(0)),
                reader.GetString(1),
                ReadTimestamp(reader, 2),
                ReminderRows.FromMilliseconds(reader.GetInt64(3)),
                StorageETag.Format(reader.GetInt32(4))));
        }

        return entries;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private DbCommand CreateCommand(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameter(command, "serviceid", _serviceId);
        return command;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
