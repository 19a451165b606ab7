using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Storage.Postgres;
using Recsys.Runtime.Storage.Schema;

namespace Recsys.Runtime.Membership.Postgres;

/// <summary>
/// The membership table in PostgreSQL (Orleans' AdoNet clustering shape, sql/postgresql/003_membership.sql). Each
/// insert or update runs in one transaction with a compare-and-swap on the deployment's version row, so of two
/// silos writing from the same table version exactly one succeeds.
/// </summary>
internal sealed class PostgresMembershipTable : IMembershipTable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _deploymentId;
    private readonly SchemaMigrator _migrator;

    public PostgresMembershipTable(PostgresStorageOptions options, NpgsqlDataSourceCache dataSources, IOptions<ClusterOptions> cluster, ILogger<PostgresMembershipTable> logger)
    {
        _dataSource = dataSources.Get(options.ConnectionString!);
        _deploymentId = cluster.Value.ClusterId;
        _migrator = new SchemaMigrator(new PostgresSchemaDialect(_dataSource), logger);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await _migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(
            "INSERT INTO recsys_membership_version (deploymentid) VALUES ($1) ON CONFLICT DO NOTHING");
        command.Parameters.AddWithValue(_deploymentId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT v.version, m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport, m.suspecttimes, m.starttime, m.iamalivetime, m.etag " +
            "FROM recsys_membership_version v LEFT JOIN recsys_membership m ON m.deploymentid = v.deploymentid WHERE v.deploymentid = $1");
        command.Parameters.AddWithValue(_deploymentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(MembershipEntry, string)>();
        var version = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            version = reader.GetInt32(0);
            if (reader.IsDBNull(1))
            {
                continue;
            }

            var silo = new SiloAddress(new IPEndPoint(IPAddress.Parse(reader.GetString(1)), reader.GetInt32(2)), reader.GetInt32(3));
            var entry = new MembershipEntry(silo, (SiloStatus)reader.GetInt32(6), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(7) ? null : reader.GetInt32(7), reader.GetFieldValue<DateTimeOffset>(9), reader.GetFieldValue<DateTimeOffset>(10))
            {
                SuspectTimes = SuspectTimesCodec.Decode(reader.IsDBNull(8) ? null : reader.GetString(8)),
            };
            rows.Add((entry, reader.GetInt32(11).ToString(CultureInfo.InvariantCulture)));
        }

        return new MembershipTableData(rows, new TableVersion(version, version.ToString(CultureInfo.InvariantCulture)));
    }

    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version, CancellationToken cancellationToken = default) =>
        ChangeAsync(version, cancellationToken, async (connection, transaction) =>
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO recsys_membership (deploymentid, address, port, generation, siloname, hostname, status, proxyport, suspecttimes, starttime, iamalivetime, etag) " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0) ON CONFLICT DO NOTHING", connection, transaction);
            AddRow(insert, entry);
            insert.Parameters.AddWithValue(entry.SiloName);
            insert.Parameters.AddWithValue(entry.HostName);
            insert.Parameters.AddWithValue((int)entry.Status);
            insert.Parameters.AddWithValue((object?)entry.GatewayPort ?? DBNull.Value);
            insert.Parameters.AddWithValue((object?)SuspectTimesCodec.Encode(entry.SuspectTimes) ?? DBNull.Value);
            insert.Parameters.AddWithValue(entry.StartTime.ToUniversalTime());
            insert.Parameters.AddWithValue(entry.IAmAliveTime.ToUniversalTime());
            return await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        });

    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version, CancellationToken cancellationToken = default) =>
        ChangeAsync(version, cancellationToken, async (connection, transaction) =>
        {
            await using var update = new NpgsqlCommand(
                "UPDATE recsys_membership SET status = $5, proxyport = $6, suspecttimes = $7, iamalivetime = $8, etag = etag + 1 " +
                "WHERE deploymentid = $1 AND address = $2 AND port = $3 AND generation = $4 AND etag = $9", connection, transaction);
            AddRow(update, entry);
            update.Parameters.AddWithValue((int)entry.Status);
            update.Parameters.AddWithValue((object?)entry.GatewayPort ?? DBNull.Value);
            update.Parameters.AddWithValue((object?)SuspectTimesCodec.Encode(entry.SuspectTimes) ?? DBNull.Value);
            update.Parameters.AddWithValue(entry.IAmAliveTime.ToUniversalTime());
            update.Parameters.AddWithValue(int.Parse(etag, CultureInfo.InvariantCulture));
            return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        });

    public async Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset time, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            "UPDATE recsys_membership SET iamalivetime = $5 WHERE deploymentid = $1 AND address = $2 AND port = $3 AND generation = $4");
        command.Parameters.AddWithValue(_deploymentId);
        command.Parameters.AddWithValue(silo.Endpoint.Address.ToString());
        command.Parameters.AddWithValue(silo.Endpoint.Port);
        command.Parameters.AddWithValue(silo.Generation);
        command.Parameters.AddWithValue(time.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // Bumps the version only from the expected predecessor; the row change must succeed too, or both roll back.
    private async Task<bool> ChangeAsync(TableVersion version, CancellationToken cancellationToken, Func<NpgsqlConnection, NpgsqlTransaction, Task<bool>> change)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var bump = new NpgsqlCommand(
            "UPDATE recsys_membership_version SET version = $2, timestamp = now() WHERE deploymentid = $1 AND version = $3", connection, transaction);
        bump.Parameters.AddWithValue(_deploymentId);
        bump.Parameters.AddWithValue(version.Version);
        bump.Parameters.AddWithValue(version.Version - 1);
        if (await bump.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1 || !await change(connection, transaction).ConfigureAwait(false))
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private void AddRow(NpgsqlCommand command, MembershipEntry entry)
    {
        command.Parameters.AddWithValue(_deploymentId);
        command.Parameters.AddWithValue(entry.Silo.Endpoint.Address.ToString());
        command.Parameters.AddWithValue(entry.Silo.Endpoint.Port);
        command.Parameters.AddWithValue(entry.Silo.Generation);
    }
}
