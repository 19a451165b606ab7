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
}
