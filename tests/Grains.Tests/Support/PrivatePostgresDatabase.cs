using Npgsql;

namespace Recsys.Grains.Tests.Support;

/// <summary>
/// A fresh database on the CI PostgreSQL server, dropped on dispose. For tests that need the whole database to
/// themselves: the engagement log's sequence is shared by every service in a database, so a bulk load (which
/// refuses to write when anyone appended meanwhile) cannot share one with tests running in parallel.
/// </summary>
public sealed class PrivatePostgresDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private PrivatePostgresDatabase(string server, string name, string connectionString) =>
        (_server, _name, ConnectionString) = (server, name, connectionString);

    public string ConnectionString { get; }

    /// <summary>Creates the database, or skips the calling [SkippableFact] when RECSYS_TEST_PG is not set.</summary>
    public static async Task<PrivatePostgresDatabase> CreateOrSkipAsync()
    {
        var server = PostgresTestDatabase.GetConnectionStringOrSkip();
        var name = "recsys_private_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new PrivatePostgresDatabase(server, name, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
