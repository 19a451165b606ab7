using Microsoft.Data.Sqlite;

namespace Recsys.Grains.Tests.Support;

/// <summary>A SQLite file in a fresh temp folder (grain state, reminders and the event log), deleted on dispose.</summary>
public sealed class TemporaryDatabase : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "recsys-grains-tests", Guid.NewGuid().ToString("N"));

    public TemporaryDatabase() => FilePath = Path.Combine(_directory, "recsys.db");

    public string FilePath { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // not created, or a pooled connection of a parallel test holds the file a moment; temp is cleaned eventually
        }
    }
}
