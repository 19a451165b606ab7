namespace Recsys.Grains.Tests.Support;

/// <summary>
/// The PostgreSQL server tests may use: the Npgsql connection string in RECSYS_TEST_PG (.ci/run starts a
/// throwaway server and sets it). Tests isolate their rows with a unique ServiceId. (The pattern of
/// tests/Runtime.Tests/Support/PostgresTestDatabase.cs.)
/// </summary>
public static class PostgresTestDatabase
{
    public const string EnvironmentVariable = "RECSYS_TEST_PG";

    /// <summary>The connection string, or a skip of the calling [SkippableFact] naming the variable.</summary>
    public static string GetConnectionStringOrSkip()
    {
        var connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        Skip.If(string.IsNullOrWhiteSpace(connectionString), $"PostgreSQL tests need {EnvironmentVariable} set to an Npgsql connection string.");
        return connectionString!;
    }
}
