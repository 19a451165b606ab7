using Microsoft.Data.Sqlite;

namespace Recsys.Runtime.Tests.Support;

/// <summary>A SQLite database file in a fresh temp folder, deleted (with its WAL files) on dispose.</summary>
public sealed class TemporarySqliteFile : IDisposable
{
    private readonly string _directory;

    public TemporarySqliteFile()
    {
        _directory = Path.Combine(Path.GetTempPath(), "recsys-tests", Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(_directory, "recsys.db");
    }

    /// <summary>The database file path (its folder is created by the provider on first use).</summary>
    public string FilePath { get; }

    public void Dispose()
    {
        // Pooled connections keep the file open; release them before deleting.
        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(_directory))
            {
                Directory.Delete(_directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A connection still in use by a parallel test may hold the file for a moment; temp is cleaned eventually.
        }
    }
}
