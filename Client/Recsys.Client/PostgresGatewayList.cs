using Npgsql;

namespace Recsys.Client;

/// <summary>
/// Reads the live gateways straight from the membership table (Orleans' GatewaysQueryKey: Active rows with a
/// proxy port), so a client follows the cluster as silos join and leave.
/// </summary>
internal sealed class PostgresGatewayList : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _clusterId;

    public PostgresGatewayList(string connectionString, string clusterId)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _clusterId = clusterId;
    }

    public async Task<IReadOnlyList<string>> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT address, proxyport FROM recsys_membership WHERE deploymentid = $1 AND status = 3 AND proxyport > 0 ORDER BY address, proxyport");
        command.Parameters.AddWithValue(_clusterId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var gateways = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            gateways.Add($"{reader.GetString(0)}:{reader.GetInt32(1)}");
        }

        return gateways;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
