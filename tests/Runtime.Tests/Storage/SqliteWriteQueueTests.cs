using Microsoft.Data.Sqlite;
using Recsys.Runtime.Storage.Sqlite;
using Recsys.Runtime.Tests.Support;

namespace Recsys.Runtime.Tests.Storage;

[Trait("Category", "BVT")]
[Trait("Area", "Storage")]
public sealed class SqliteWriteQueueTests : IDisposable
{
    private readonly TemporarySqliteFile _file = new();

    [Fact]
    public async Task Concurrent_writes_all_commit_before_their_tasks_complete()
    {
        var queue = await NewQueueAsync();

        await Task.WhenAll(Enumerable.Range(1, 200).Select(i => Task.Run(() => queue.WriteAsync(c => InsertAsync(c, i)))));

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), await StoredAsync());
    }

    [Fact]
    public async Task A_failing_write_rolls_back_only_itself_and_the_rest_of_its_transaction_commits()
    {
        var queue = await NewQueueAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = queue.WriteAsync(async c => { await gate.Task; return await InsertAsync(c, 1); });

        // Queued while the first transaction is held open, so these three share the next one.
        var before = queue.WriteAsync(c => InsertAsync(c, 2));
        var failing = queue.WriteAsync<int>(async c => { await InsertAsync(c, 3); throw new InvalidOperationException("refused"); });
        var after = queue.WriteAsync(c => InsertAsync(c, 4));
        gate.SetResult();

        await Task.WhenAll(held, before, after);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("refused", error.Message);
        Assert.Equal([1L, 2L, 4L], await StoredAsync());
    }

    [Fact]
    public void Every_spelling_of_one_file_shares_one_queue()
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, _file.FilePath);

        var first = SqliteWriteQueue.For($"Data Source={_file.FilePath}", OpenAsync);
        var second = SqliteWriteQueue.For($"Data Source={relative};Pooling=True", OpenAsync);

        Assert.Same(first, second);
    }

    public void Dispose() => _file.Dispose();

    private async Task<SqliteWriteQueue> NewQueueAsync()
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var create = new SqliteCommand("CREATE TABLE items (id INTEGER PRIMARY KEY)", connection);
        await create.ExecuteNonQueryAsync();
        return SqliteWriteQueue.For($"Data Source={_file.FilePath}", OpenAsync);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file.FilePath)!);
        var connection = new SqliteConnection($"Data Source={_file.FilePath}");
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<int> InsertAsync(SqliteConnection connection, long id)
    {
        await using var insert = new SqliteCommand("INSERT INTO items (id) VALUES (@id)", connection);
        insert.Parameters.AddWithValue("@id", id);
        return await insert.ExecuteNonQueryAsync();
    }

    private async Task<List<long>> StoredAsync()
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var query = new SqliteCommand("SELECT id FROM items ORDER BY id", connection);
        await using var reader = await query.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}
