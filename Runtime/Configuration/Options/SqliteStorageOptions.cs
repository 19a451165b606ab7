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

    /// <summary>A full Microsoft.Data.Sqlite connection string. Null when <see cref="FilePath"/> is used.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The database file; created, with its folder, on first use. Null when <see cref="ConnectionString"/> is used.</summary>
    public string? FilePath { get; set; }

    /// <summary>How long a statement waits for another connection's write lock before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromMilliseconds(DefaultBusyTimeoutMilliseconds);
}
