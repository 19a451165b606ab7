using Microsoft.Data.Sqlite;
using Recsys.Runtime.Configuration.Options;

namespace Recsys.Runtime.Storage.Sqlite;

/// <summary>
/// Opens pooled connections to one SQLite database with the settings every Recsys table relies on:
/// WAL journal (durable across restarts, readers never block the writer), synchronous=NORMAL, a busy timeout,
/// a page cache and a WAL checkpoint threshold of the configured sizes.
/// </summary>
internal sealed class SqliteConnectionFactory
{
    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly string? _directory;
    private volatile bool _fileReady;

    public SqliteConnectionFactory(SqliteStorageOptions options)
    {
        var builder = string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new SqliteConnectionStringBuilder { DataSource = options.FilePath }
            : new SqliteConnectionStringBuilder(options.ConnectionString);
        builder.Pooling = true;
        _connectionString = builder.ToString();

        var isFile = builder.Mode != SqliteOpenMode.Memory
            && !string.IsNullOrEmpty(builder.DataSource)
            && !string.Equals(builder.DataSource, ":memory:", StringComparison.Ordinal);
        _directory = isFile ? Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) : null;

        // Per-connection settings; pooled connections keep them, re-running costs microseconds.
        _pragmas = SqlitePragmas.ForConnection(options.BusyTimeout, options.PageCacheMebibytes, options.WalAutocheckpointPages);
        Writes = SqliteWriteQueue.For(_connectionString, OpenAsync);
    }

    /// <summary>The file's one writer in this process: every write goes through it.</summary>
    public SqliteWriteQueue Writes { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!_fileReady && _directory is not null)
        {
            Directory.CreateDirectory(_directory);
        }

        // WAL is a property of the file, so it only needs setting once per factory; doing it again is harmless.
        var connection = await SqlitePooledConnection.OpenAsync(_connectionString, _fileReady ? _pragmas : _pragmas + " PRAGMA journal_mode = WAL;", cancellationToken)
            .ConfigureAwait(false);
        _fileReady = true;
        return connection;
    }
}
