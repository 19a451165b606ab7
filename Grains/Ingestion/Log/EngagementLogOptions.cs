namespace Recsys.Grains.Ingestion.Log;

/// <summary>Where the engagement event log lives.</summary>
public sealed class EngagementLogOptions
{
    /// <summary>The default value for <see cref="BusyTimeout"/>, as the runtime's SQLite storage uses.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Memory (tests), SQLite (one silo, embedded) or PostgreSQL (cluster).</summary>
    public EngagementLogProvider Provider { get; set; } = EngagementLogProvider.Memory;

    /// <summary>The SQLite database file (usually the silo's recsys.db, beside grain state). SQLite only.</summary>
    public string? FilePath { get; set; }

    /// <summary>A Microsoft.Data.Sqlite or Npgsql connection string; for SQLite, instead of <see cref="FilePath"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long a SQLite statement waits for another connection's write lock.</summary>
    public TimeSpan BusyTimeout { get; set; } = DefaultBusyTimeout;
}

public enum EngagementLogProvider
{
    Memory,
    Sqlite,
    Postgres,
}
