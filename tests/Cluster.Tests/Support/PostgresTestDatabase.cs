namespace Recsys.Cluster.Tests.Support;

/// <summary>The CI PostgreSQL, from RECSYS_TEST_PG; tests that need it skip, naming the variable, when it is absent.</summary>
public static class PostgresTestDatabase
{
    public const string EnvironmentVariable = "RECSYS_TEST_PG";

    public static string GetConnectionStringOrSkip()
    {
        var connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        Skip.If(string.IsNullOrWhiteSpace(connectionString), $"{EnvironmentVariable} is not set: no PostgreSQL to run this test against (.ci/run starts one)");
        return connectionString!;
    }
}
