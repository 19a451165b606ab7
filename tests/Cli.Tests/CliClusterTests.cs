using System.Text.Json;
using Recsys.Cli.Tests.Support;
using Recsys.Grains.Interfaces.Models;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Models;

namespace Recsys.Cli.Tests;

/// <summary>The command line against a silo's gateway: users, posts, follows, engagements, grain state, RealGraph, jobs, models.</summary>
[Trait("Category", "Functional")]
[Trait("Area", "Cli")]
public sealed class CliClusterTests
{
    [Fact]
    public async Task UsersPostsFollowsAndEngagementsShowUpInRealGraphAndGrainState()
    {
        await using var cluster = await CliSilo.StartAsync();
        async Task Ok(params string[] args)
        {
            var (exit, _, error) = await CliRun.RunAsync(CliSilo.Args(cluster, args));
            Assert.True(exit == ExitCodes.Ok, $"recsys {string.Join(' ', args)}: {error}");
        }

        await Ok("user", "create", "101", "--handle", "alice");
        await Ok("user", "create", "102", "--handle", "bob");
        await Ok("follow", "101", "102");
        await Ok("post", "create", "201", "--author", "102", "--text", "hello");
        await Ok("engage", "101", "like", "--post", "201");
        await Ok("engage", "101", "reply", "--post", "201", "--id", "e-1");

        var (_, duplicate, _) = await CliRun.RunAsync(CliSilo.Args(cluster, "engage", "101", "reply", "--post", "201", "--id", "e-1"));
        var (_, realGraph, _) = await CliRun.RunAsync(CliSilo.Args(cluster, "realgraph", "101"));
        var (_, explained, _) = await CliRun.RunAsync(CliSilo.Args(cluster, "realgraph", "101", "--explain", "102"));
        var (exit, grain, _) = await CliRun.RunAsync(CliSilo.Args(cluster, "grain", "user", "101"));

        Assert.Contains("duplicate e-1", duplicate);
        Assert.Contains("realgraph/default-v0", realGraph);
        Assert.Contains("102", realGraph);
        Assert.Contains("num_replies", explained);
        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(grain);
        Assert.Equal("alice", json.RootElement.GetProperty("stored")[0].GetProperty("state").GetProperty("profile").GetProperty("handle").GetString());
        Assert.True(json.RootElement.GetProperty("live").GetProperty("exists").GetBoolean());
    }

    [Fact]
    public async Task AnUnknownUserOrGrainTypeIsBadInput()
    {
        await using var cluster = await CliSilo.StartAsync();
        await CliRun.RunAsync(CliSilo.Args(cluster, "user", "create", "301", "--handle", "carol"));

        var follow = await CliRun.RunAsync(CliSilo.Args(cluster, "follow", "301", "999"));
        var grain = await CliRun.RunAsync(CliSilo.Args(cluster, "grain", "nosuch", "1"));
        var handle = await CliRun.RunAsync(CliSilo.Args(cluster, "user", "create", "302", "--handle", "not a handle"));

        Assert.Equal((ExitCodes.BadInput, "recsys: targetId: unknown user 999"), (follow.Exit, follow.Error.Trim()));
        Assert.Equal(ExitCodes.BadInput, grain.Exit);
        Assert.StartsWith("recsys: type: unknown grain type 'nosuch'", grain.Error);
        Assert.Equal(ExitCodes.BadInput, handle.Exit);
        Assert.StartsWith("recsys: handle:", handle.Error);
    }

    [Fact]
    public async Task JobsAreListedAndRunToTheEnd()
    {
        await using var cluster = await CliSilo.StartAsync();

        var list = await CliRun.RunAsync(CliSilo.Args(cluster, "jobs", "list"));
        var run = await CliRun.RunAsync(CliSilo.Args(cluster, "jobs", "run", "prune-engagement-log"));
        var unknown = await CliRun.RunAsync(CliSilo.Args(cluster, "jobs", "run", "nope"));

        Assert.Contains("prune-engagement-log", list.Out);
        Assert.Equal(ExitCodes.Ok, run.Exit);
        Assert.Contains("prune-engagement-log #1 succeeded", run.Out);
        Assert.Equal(ExitCodes.BadInput, unknown.Exit);
        Assert.StartsWith("recsys: name: unknown job 'nope'", unknown.Error);
    }

    [Fact]
    public async Task AnUploadedModelBecomesActiveAndRealGraphNamesIt()
    {
        await using var cluster = await CliSilo.StartAsync();
        await CliRun.RunAsync(CliSilo.Args(cluster, "user", "create", "401", "--handle", "dave"));
        var file = Path.Combine(Path.GetTempPath(), $"realgraph-{Guid.NewGuid():N}.json");
        var trained = EmbeddedModels.All.Single(m => m.Name == "realgraph" && m.Version == "default-v0") with { Version = "trained-v1" };
        await File.WriteAllTextAsync(file, ModelFileReader.Write(trained));
        try
        {
            var upload = await CliRun.RunAsync(CliSilo.Args(cluster, "models", "upload", file, "--activate"));
            var list = await CliRun.RunAsync(CliSilo.Args(cluster, "models", "list"));
            var realGraph = await CliRun.RunAsync(CliSilo.Args(cluster, "realgraph", "401"));

            Assert.Equal((ExitCodes.Ok, "uploaded realgraph/trained-v1 (active)"), (upload.Exit, upload.Out.Trim()));
            Assert.Contains("trained-v1", list.Out);
            Assert.Contains("realgraph/trained-v1", realGraph.Out);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ATrainedVersionsMetricsArePrintedPerHeadAndAnUntrainedOneIsABadInput()
    {
        await using var cluster = await CliSilo.StartAsync();
        var heavy = EmbeddedModels.All.Single(m => m.Name == "heavy-ranker" && m.Version == "default-v0") with { Version = "trained-m1" };
        var compared = new[] { ("candidate", 0.7123), ("default", 0.6011) }
            .Select(v => new VersionMetrics(v.Item1, v.Item1, [new HeadMetrics("fav", 300, 40, v.Item2, 0.31)])).ToArray();
        await cluster.GrainFactory.GetGrain<IModelRegistryGrain>(0).UploadEvaluated(ModelFileReader.Write(heavy),
            new ModelEvaluation(DateTimeOffset.UnixEpoch, 700, 300, DateTimeOffset.UnixEpoch, compared, true, "promoted over default-v0"));

        var metrics = await CliRun.RunAsync(CliSilo.Args(cluster, "models", "metrics", "heavy-ranker", "trained-m1"));
        var untrained = await CliRun.RunAsync(CliSilo.Args(cluster, "models", "metrics", "heavy-ranker", "default-v0"));

        Assert.Equal(ExitCodes.Ok, metrics.Exit);
        Assert.Contains("0.7123", metrics.Out);
        Assert.Contains("0.6011", metrics.Out);
        Assert.Contains("promoted: promoted over default-v0", metrics.Out);
        Assert.Equal(ExitCodes.BadInput, untrained.Exit);
        Assert.Single(untrained.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task ImportsGoThroughTheGatewayAndASecondImportFindsEverythingKnown()
    {
        await using var cluster = await CliSilo.StartAsync();

        var edges = await CliRun.RunAsync(CliSilo.Args(cluster, "import", "edges", CliRun.Fixture("edges-weighted.csv"), "--weight-column", "3", "--min-weight", "1", "--time-column", "4"));
        var higgs = await CliRun.RunAsync(CliSilo.Args(cluster, "import", "higgs", CliRun.Fixture("higgs-small.txt")));
        var again = await CliRun.RunAsync(CliSilo.Args(cluster, "import", "higgs", CliRun.Fixture("higgs-small.txt")));

        Assert.Equal(ExitCodes.Ok, edges.Exit);
        Assert.Contains("2 events accepted", edges.Out);
        Assert.Equal(ExitCodes.Ok, higgs.Exit);
        Assert.Contains("10 events accepted", higgs.Out);
        Assert.Contains("0 events accepted", again.Out);
        Assert.Contains("10 already known", again.Out);
        var profile = await cluster.GrainFactory.GetGrain<IUserGrain>(2).GetProfile();
        Assert.Equal(3, profile.FollowerCount); // 1 (in both files), 3 and 6
    }
}
