using Recsys.Cli.Tests.Support;

namespace Recsys.Cli.Tests;

/// <summary>recsys timeline against a silo's gateway (issue 9).</summary>
[Trait("Category", "Functional")]
[Trait("Area", "Cli")]
public sealed class TimelineCommandTests
{
    [Fact]
    public async Task ATimelinePrintsAReadableTableWithExplanationsAndTheNextPageCommand()
    {
        await using var cluster = await CliSilo.StartAsync();
        foreach (var args in new[]
        {
            new[] { "user", "create", "901", "--handle", "viewer" }, ["user", "create", "902", "--handle", "writer"], ["follow", "901", "902"],
            ["post", "create", "903", "--author", "902", "--text", "hello timeline"],
        })
        {
            var (exit, _, error) = await CliRun.RunAsync(CliSilo.Args(cluster, args));
            Assert.True(exit == ExitCodes.Ok, $"recsys {string.Join(' ', args)}: {error}");
        }

        var (code, output, _) = await CliRun.RunAsync(CliSilo.Args(cluster, "timeline", "901", "--explain"));
        var (_, json, _) = await CliRun.RunAsync(CliSilo.Args(cluster, "timeline", "901", "--json"));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("For You of 901: 1 items, 1 in-network", output);
        Assert.Contains("903", output);
        Assert.Contains("InNetwork", output);
        Assert.Contains(" x AgeDecay ", output);
        Assert.Contains("sources: ", output);
        Assert.Contains("next page: recsys timeline 901 --cursor ", output);
        Assert.Contains("\"postId\": 903", json);
    }

    [Fact]
    public async Task ABadCursorIsBadInputNamingTheCursor()
    {
        await using var cluster = await CliSilo.StartAsync();
        await CliRun.RunAsync(CliSilo.Args(cluster, "user", "create", "911", "--handle", "someone"));

        var (exit, _, error) = await CliRun.RunAsync(CliSilo.Args(cluster, "timeline", "911", "--cursor", "nope"));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith("recsys: cursor:", error);
    }
}
