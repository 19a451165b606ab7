using Recsys.Cli.Tests.Support;

namespace Recsys.Cli.Tests;

/// <summary>Bad input never needs a cluster: exit code 2, one line on standard error, no stack trace.</summary>
[Trait("Category", "BVT")]
[Trait("Area", "Cli")]
public sealed class CliInputTests
{
    [Theory]
    [InlineData("Required command was not provided")]
    [InlineData("'x'", "follow", "x", "2")]
    [InlineData("unknown action 'lik'", "engage", "1", "lik", "--post", "3")]
    [InlineData("--gateway 'nope' is not host:port", "--gateway", "nope", "user", "show", "1")]
    [InlineData("no such file", "import", "higgs", "/no/such/file.txt")]
    [InlineData("Unrecognized command or argument '--frobnicate'", "user", "show", "1", "--frobnicate")]
    public async Task BadInputExitsWith2AndOneLine(string expected, params string[] args)
    {
        var (exit, _, error) = await CliRun.RunAsync(args);

        AssertOneLine(ExitCodes.BadInput, expected, exit, error);
    }

    [Fact]
    public async Task AMalformedHiggsLineIsNamedByNumber()
    {
        var (exit, _, error) = await CliRun.RunAsync("import", "higgs", CliRun.Fixture("higgs-broken.txt"));

        AssertOneLine(ExitCodes.BadInput, "higgs-broken.txt line 2:", exit, error);
    }

    [Theory]
    [InlineData("--min-weight needs --weight-column", "--min-weight", "1")]
    [InlineData("--bulk-sqlite and --bulk-postgres are exclusive", "--bulk-sqlite", "a.db", "--bulk-postgres", "Host=x")]
    [InlineData("user ids must be positive (use --id-offset 1)")]
    public async Task EdgeListOptionsThatCannotWorkExitWith2(string expected, params string[] options)
    {
        var (exit, _, error) = await CliRun.RunAsync(["import", "edges", CliRun.Fixture("edges-undirected.txt"), .. options]);

        AssertOneLine(ExitCodes.BadInput, expected, exit, error);
    }

    [Fact]
    public async Task ADryRunReadsAndPlansWithoutACluster()
    {
        var (exit, output, error) = await CliRun.RunAsync("import", "higgs", CliRun.Fixture("higgs-small.txt"), "--dry-run");

        Assert.Equal((ExitCodes.Ok, ""), (exit, error));
        Assert.Contains("6 users, 2 posts, 4 follows, 6 engagements (1 lines skipped)", output);
    }

    [Fact]
    public async Task AnUnreachableGatewayFailsWithExitCode1()
    {
        var (exit, _, error) = await CliRun.RunAsync("--gateway", "127.0.0.1:1", "user", "show", "1");

        AssertOneLine(ExitCodes.Failed, "cannot reach the cluster", exit, error);
    }

    private static void AssertOneLine(int expectedExit, string expected, int exit, string error)
    {
        Assert.Equal(expectedExit, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("recsys: ", line);
        Assert.Contains(expected, line);
    }
}
