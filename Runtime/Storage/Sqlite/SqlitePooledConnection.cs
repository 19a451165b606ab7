using Microsoft.Data.Sqlite;

namespace Recsys.Runtime.Storage.Sqlite;

/// <summary>Opens a pooled SQLite connection and applies the per-connection pragmas, replacing a pooled connection found dead.</summary>
/// <remarks>
/// Microsoft.Data.Sqlite's pool prunes idle connections on a timer, and once in a while hands out one whose native
/// handle was closed under it (the ingest bench's setup, 200,000 state reads through 256 callers, met it in about one
/// run in ten; dotnet/efcore#38854 and #38574 are races of the same pruning). The first command on such a connection
/// throws <see cref="ObjectDisposedException"/>. That pool is then cleared and a fresh connection opened, once.
/// </remarks>
public static class SqlitePooledConnection
{
    public static async Task<SqliteConnection> OpenAsync(string connectionString, string pragmas, CancellationToken cancellationToken)
    {
        try
        {
            return await TryOpenAsync(connectionString, pragmas, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            return await TryOpenAsync(connectionString, pragmas, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<SqliteConnection> TryOpenAsync(string connectionString, string pragmas, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (ObjectDisposedException)
        {
            SqliteConnection.ClearPool(connection); // the dead connection must not go back to the pool
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
