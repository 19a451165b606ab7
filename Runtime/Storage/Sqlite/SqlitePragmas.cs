using System.Globalization;

namespace Recsys.Runtime.Storage.Sqlite;

/// <summary>Values of SQLite pragmas as Recsys sets them.</summary>
public static class SqlitePragmas
{
    /// <summary>
    /// The PRAGMA cache_size value for a cache of <paramref name="mebibytes"/> MiB: a negative number means a size in
    /// KiB rather than in pages (https://www.sqlite.org/pragma.html#pragma_cache_size).
    /// </summary>
    public static long CacheSize(int mebibytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(mebibytes);
        return -1024L * mebibytes;
    }

    /// <summary>
    /// The settings every Recsys connection to a file runs once opened: a busy timeout, synchronous=NORMAL (durable
    /// across a process crash in WAL mode), the page cache and the WAL checkpoint threshold.
    /// </summary>
    public static string ForConnection(TimeSpan busyTimeout, int pageCacheMebibytes, int walAutocheckpointPages) =>
        string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(int)busyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA cache_size = {CacheSize(pageCacheMebibytes)}; PRAGMA wal_autocheckpoint = {walAutocheckpointPages};");
}
