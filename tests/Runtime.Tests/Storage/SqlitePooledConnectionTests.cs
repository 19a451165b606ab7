using Microsoft.Data.Sqlite;
using Recsys.Runtime.Storage.Sqlite;
using Recsys.Runtime.Tests.Support;

namespace Recsys.Runtime.Tests.Storage;

[Trait("Category", "BVT")]
[Trait("Area", "Storage")]
public sealed class SqlitePooledConnectionTests : IDisposable
{
    private readonly TemporarySqliteFile _file = new();

    public SqlitePooledConnectionTests() => Directory.CreateDirectory(Path.GetDirectoryName(_file.FilePath)!);

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _file.FilePath, Pooling = true }.ToString();

    [Fact]
    public async Task A_pooled_connection_whose_handle_was_closed_is_replaced_and_not_handed_out_again()
    {
        var connection = await SqlitePooledConnection.OpenAsync(ConnectionString, "PRAGMA busy_timeout = 1000;", CancellationToken.None);
        var dead = connection.Handle!;
        dead.Dispose(); // what the pool's pruning race leaves behind: a pooled connection with a closed native handle
        await DisposeQuietlyAsync(connection);

        for (var i = 0; i < 3; i++)
        {
            await using var fresh = await SqlitePooledConnection.OpenAsync(ConnectionString, "PRAGMA busy_timeout = 1000;", CancellationToken.None);
            Assert.NotSame(dead, fresh.Handle);
            await using var command = fresh.CreateCommand();
            command.CommandText = "PRAGMA busy_timeout;";
            Assert.Equal(1000L, await command.ExecuteScalarAsync());
        }
    }

    [Fact]
    public async Task Bad_pragmas_are_not_retried_and_lose_the_connection()
    {
        var failure = await Assert.ThrowsAsync<SqliteException>(() => SqlitePooledConnection.OpenAsync(ConnectionString, "PRAGMA nonsense(", CancellationToken.None));

        Assert.Equal(1, failure.SqliteErrorCode); // SQLITE_ERROR: the statement, not a dead connection
    }

    public void Dispose() => _file.Dispose();

    // Closing a connection whose handle is gone may throw inside the provider; the pool keeps it either way.
    private static async Task DisposeQuietlyAsync(SqliteConnection connection)
    {
        try
        {
            await connection.DisposeAsync();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
