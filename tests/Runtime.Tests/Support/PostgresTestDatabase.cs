namespace Recsys.Runtime.Tests.Support;

/// <summary>
/// The PostgreSQL server tests may use: the Npgsql connection string in the RECSYS_TEST_PG environment variable
/// (.ci/run starts a throwaway server and sets it). Tests isolate their rows with a unique ServiceId.
/// </summary>
public static class PostgresTestDatabase
{
    /// <summary>The environment variable holding the connection string.</summary>
    public const string EnvironmentVariable = "RECSYS_TEST_PG";

    /// <summary>
    /// Returns the connection string, or skips the calling test when the variable is not set. Call it from a
    /// [SkippableFact] / [SkippableTheory] test (or from a constructor such a test runs).
    /// </summary>
    public static string GetConnectionStringOrSkip()
    {
        var connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        Skip.If(string.IsNullOrWhiteSpace(connectionString), $"PostgreSQL tests need {EnvironmentVariable} set to an Npgsql connection string.");
        return connectionString!;
    }
}
