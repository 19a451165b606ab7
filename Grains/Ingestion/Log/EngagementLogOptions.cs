using Recsys.Runtime.Configuration.Options;

namespace Recsys.Grains.Ingestion.Log;

/// <summary>Where the engagement event log lives.</summary>
public sealed class EngagementLogOptions
{
    /// <summary>The default value for <see cref="BusyTimeout"/>, as the runtime's SQLite storage uses.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The default value for <see cref="PageCacheMebibytes"/>, the same as grain storage's
    /// (<see cref="SqliteStorageOptions.DefaultPageCacheMebibytes"/>, which says why):
    /// appends update the log's five indexes, whose pages SQLite's default 2 MB cache cannot hold.
    /// </summary>
    public const int DefaultPageCacheMebibytes = SqliteStorageOptions.DefaultPageCacheMebibytes;

    /// <summary>
    /// The default value for <see cref="WalAutocheckpointPages"/>, the same as grain storage's
    /// (<see cref="SqliteStorageOptions.DefaultWalAutocheckpointPages"/>, which says why): the log and grain state
    /// share one file and one writer, so whichever opens the writer's connection sets it.
    /// </summary>
    public const int DefaultWalAutocheckpointPages = SqliteStorageOptions.DefaultWalAutocheckpointPages;

    /// <summary>Memory (tests), SQLite (one silo, embedded) or PostgreSQL (cluster).</summary>
    public EngagementLogProvider Provider { get; set; } = EngagementLogProvider.Memory;

    /// <summary>The SQLite database file (usually the silo's recsys.db, beside grain state). SQLite only.</summary>
    public string? FilePath { get; set; }

    /// <summary>A Microsoft.Data.Sqlite or Npgsql connection string; for SQLite, instead of <see cref="FilePath"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a SQLite statement waits for another connection's write lock.</summary>
    public TimeSpan BusyTimeout { get; set; } = DefaultBusyTimeout;

    /// <summary>
    /// Most memory SQLite's page cache may use per open connection (PRAGMA cache_size), in MiB. SQLite only; between 1
    /// and <see cref="SqliteStorageOptions.MaxPageCacheMebibytes"/>.
    /// </summary>
    public int PageCacheMebibytes { get; set; } = DefaultPageCacheMebibytes;

    /// <summary>
    /// How many pages the write-ahead log may hold before a commit copies them into the database file (PRAGMA
    /// wal_autocheckpoint). SQLite only; between 1 and <see cref="SqliteStorageOptions.MaxWalAutocheckpointPages"/>.
    /// </summary>
    public int WalAutocheckpointPages { get; set; } = DefaultWalAutocheckpointPages;
}

public enum EngagementLogProvider
{
    Memory,
    Sqlite,
    Postgres,
}
