namespace Recsys.Runtime.Configuration.Options;

/// <summary>
/// Where a SQLite grain storage provider or reminder table keeps its data. Set either
/// <see cref="ConnectionString"/> or <see cref="FilePath"/>. The database runs in WAL mode with
/// synchronous=NORMAL, so it survives a process restart and readers do not block the writer.
/// </summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The default value for <see cref="BusyTimeout"/>, in milliseconds.</summary>
    public const int DefaultBusyTimeoutMilliseconds = 5000;

    /// <summary>
    /// The default value for <see cref="PageCacheMebibytes"/>: 64 MiB per connection. SQLite's own default is about
    /// 2 MB (PRAGMA cache_size = -2000, https://www.sqlite.org/pragma.html#pragma_cache_size), far below the engagement
    /// log's indexes at a million rows; issue 6 profiled a quarter of the ingest benchmark's CPU in the kernel copying
    /// the same pages from the OS page cache again and again. The cache fills only as pages are read, so a small
    /// database costs no more than before.
    /// </summary>
    public const int DefaultPageCacheMebibytes = 64;

    /// <summary>The largest <see cref="PageCacheMebibytes"/> accepted (64 GiB).</summary>
    public const int MaxPageCacheMebibytes = 65_536;

    /// <summary>
    /// The default value for <see cref="WalAutocheckpointPages"/>: 16,384 pages (64 MiB of 4 KiB pages). SQLite's own
    /// default is 1,000 (https://www.sqlite.org/pragma.html#pragma_wal_autocheckpoint), which a commit of the engagement
    /// log's random-key indexes exceeds by itself, so every commit also copied its pages into the database file; a larger
    /// WAL is copied less often, each page once however many commits rewrote it (issue 6: 1.07x ingestion in two back-to-back pairs).
    /// </summary>
    public const int DefaultWalAutocheckpointPages = 16_384;

    /// <summary>The largest <see cref="WalAutocheckpointPages"/> accepted (4 GiB of 4 KiB pages).</summary>
    public const int MaxWalAutocheckpointPages = 1_048_576;

    /// <summary>A full Microsoft.Data.Sqlite connection string. Null when <see cref="FilePath"/> is used.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The database file; created, with its folder, on first use. Null when <see cref="ConnectionString"/> is used.</summary>
    public string? FilePath { get; set; }

    /// <summary>How long a statement waits for another connection's write lock before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromMilliseconds(DefaultBusyTimeoutMilliseconds);

    /// <summary>
    /// Most memory SQLite's page cache may use per open connection (PRAGMA cache_size), in MiB; pooled connections
    /// keep their cache. Between 1 and <see cref="MaxPageCacheMebibytes"/>.
    /// </summary>
    public int PageCacheMebibytes { get; set; } = DefaultPageCacheMebibytes;

    /// <summary>
    /// How many pages the write-ahead log may hold before a commit copies them into the database file (PRAGMA
    /// wal_autocheckpoint). Between 1 and <see cref="MaxWalAutocheckpointPages"/>; the WAL file grows to about this
    /// size and is then reused.
    /// </summary>
    public int WalAutocheckpointPages { get; set; } = DefaultWalAutocheckpointPages;
}
