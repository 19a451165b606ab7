using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Recsys.Runtime.Storage.Sqlite;

/// <summary>
/// The one writer of a SQLite file in this process, with group commit. SQLite lets one connection write at a
/// time; connections that find the lock taken wait in its busy handler, which sleeps 1-100 ms between retries, so
/// grain state writes, checkpoints and log appends on separate connections spent seconds asleep (issue 6). Here
/// writes queue in memory instead, and one pump runs everything queued in one transaction (BEGIN IMMEDIATE): each
/// write in its own savepoint, so a failing write (a stale ETag) rolls back only itself. A caller's task completes
/// after the commit that made its write durable. Shared by every writer of the file (grain storage, the engagement
/// log) through <see cref="For"/>; other processes still meet SQLite's own lock and busy timeout.
/// </summary>
public sealed class SqliteWriteQueue
{
    /// <summary>Most writes in one transaction, so that one commit never holds the lock for long.</summary>
    public const int MaxWritesPerTransaction = 1_000;

    private static readonly ConcurrentDictionary<string, SqliteWriteQueue> Files = new(StringComparer.Ordinal);

    private readonly object _lock = new();
    private readonly Queue<IWrite> _queue = new();
    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    private bool _pumping;

    private SqliteWriteQueue(Func<CancellationToken, Task<SqliteConnection>> open) => _open = open;

    /// <summary>
    /// The queue of the file <paramref name="connectionString"/> names (one per file however it is spelled);
    /// <paramref name="open"/> opens a connection with the caller's settings, used when the queue is first created.
    /// </summary>
    public static SqliteWriteQueue For(string connectionString, Func<CancellationToken, Task<SqliteConnection>> open)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var key = string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" ? connectionString : Path.GetFullPath(dataSource);
        return Files.GetOrAdd(key, _ => new SqliteWriteQueue(open));
    }

    /// <summary>
    /// Runs <paramref name="write"/> inside the next write transaction (commands need no transaction object) and
    /// completes once that transaction committed; fails with the write's own exception, or the commit's.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write)
    {
        var pending = new Write<T>(write);
        bool start;
        lock (_lock)
        {
            _queue.Enqueue(pending);
            start = !_pumping;
            _pumping = true;
        }

        if (start)
        {
            _ = Task.Run(PumpAsync);
        }

        return pending.Done.Task;
    }

    private async Task PumpAsync()
    {
        while (TakeGroup() is { } group)
        {
            try
            {
                await using var connection = await _open(CancellationToken.None).ConfigureAwait(false);
                await RunGroupAsync(connection, group).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                group.ForEach(w => w.Fail(exception)); // the connection or the commit failed: nothing of the group is durable
            }
        }
    }

    private List<IWrite>? TakeGroup()
    {
        lock (_lock)
        {
            if (_queue.Count == 0)
            {
                _pumping = false;
                return null;
            }

            var group = new List<IWrite>(Math.Min(_queue.Count, MaxWritesPerTransaction));
            while (group.Count < MaxWritesPerTransaction && _queue.TryDequeue(out var write))
            {
                group.Add(write);
            }

            return group;
        }
    }

    private static async Task RunGroupAsync(SqliteConnection connection, List<IWrite> group)
    {
        await ExecuteAsync(connection, "BEGIN IMMEDIATE").ConfigureAwait(false);
        var succeeded = new List<IWrite>(group.Count);
        try
        {
            foreach (var write in group)
            {
                await ExecuteAsync(connection, "SAVEPOINT w").ConfigureAwait(false);
                if (await write.RunAsync(connection).ConfigureAwait(false))
                {
                    succeeded.Add(write);
                }
                else
                {
                    await ExecuteAsync(connection, "ROLLBACK TO w").ConfigureAwait(false);
                }

                await ExecuteAsync(connection, "RELEASE w").ConfigureAwait(false);
            }

            await ExecuteAsync(connection, "COMMIT").ConfigureAwait(false);
        }
        catch
        {
            await ExecuteAsync(connection, "ROLLBACK").ConfigureAwait(false);
            throw;
        }

        succeeded.ForEach(w => w.Complete());
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = new SqliteCommand(sql, connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private interface IWrite
    {
        /// <summary>Runs the write; false when it threw (its exception is already set on the caller's task).</summary>
        Task<bool> RunAsync(SqliteConnection connection);

        void Complete();

        void Fail(Exception exception);
    }

    private sealed class Write<T>(Func<SqliteConnection, Task<T>> write) : IWrite
    {
        private T? _result;

        public TaskCompletionSource<T> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<bool> RunAsync(SqliteConnection connection)
        {
            try
            {
                _result = await write(connection).ConfigureAwait(false);
                return true;
            }
            catch (Exception exception)
            {
                Done.TrySetException(exception);
                return false;
            }
        }

        public void Complete() => Done.TrySetResult(_result!);

        public void Fail(Exception exception) => Done.TrySetException(exception);
    }
}
