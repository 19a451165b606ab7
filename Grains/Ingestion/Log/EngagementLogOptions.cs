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
}

public enum EngagementLogProvider
{
    Memory,
    Sqlite,
    Postgres,
}
