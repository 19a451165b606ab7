using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Models;
using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Models;
using Recsys.Grains.RealGraph;
using Recsys.Grains.Tests.Support;
using Recsys.Grains.Users;
using Recsys.Runtime.Testing;

namespace Recsys.Grains.Tests.Users;

/// <summary>
/// The viewer's graph kept between For You reads (issue 10): rebuilt exactly when an input changed. The functional
/// test reads the context after each kind of change, so a stale graph fails it; the pure one fails if nothing is kept.
/// </summary>
[Trait("Category", "Functional")]
[Trait("Area", "Users")]
public sealed class ViewerGraphTests
{
    private static readonly string Trained = TestModels.RealGraphVersion("memo");

    [Fact]
    public void AGraphIsBuiltOncePerInputsAndAgainWhenAnyMoves()
    {
        var (head, options, edges, social) = (Head(), new RealGraphOptions(), new RealGraphState(), new SocialGraph());
        var memo = new ViewerGraph.Memo();
        var builds = 0;
        ViewerGraph Build() => new([], $"build {++builds}", [], [], [], []);
        ViewerGraph.Inputs Now(int day = 1) => new(day, head, options, edges, edges.Version, social, social.RelationsVersion);

        var first = memo.Get(Now(), Build);
        Assert.Same(first, memo.Get(Now(), Build));

        social.Follows.Add(7, 1);
        var afterFollow = memo.Get(Now(), Build);
        social.AddReport(8, 1, maxRemembered: 10);
        var afterReport = memo.Get(Now(), Build);
        InteractionRecorder.Record(edges, 9, InteractionType.Follows, 1, DateTimeOffset.UnixEpoch, options);
        var afterEdge = memo.Get(Now(), Build);
        var nextDay = memo.Get(Now(day: 2), Build);
        var reloaded = new RealGraphState(); // state read again: a new object, its counter back at 0
        var afterReload = memo.Get(new ViewerGraph.Inputs(2, head, options, reloaded, reloaded.Version, social, social.RelationsVersion), Build);

        Assert.Equal(["build 1", "build 2", "build 3", "build 4", "build 5", "build 6"],
            new[] { first, afterFollow, afterReport, afterEdge, nextDay, afterReload }.Select(g => g.RealGraphModel));
        Assert.False(social.Follows.Add(7, 1)); // already present: no change, so the graph is kept
        Assert.Same(afterReload, memo.Get(new ViewerGraph.Inputs(2, head, options, reloaded, reloaded.Version, social, social.RelationsVersion), Build));
    }

    [Fact]
    public async Task EveryKindOfChangeShowsInTheNextViewerContext()
    {
        var time = new ManualTimeProvider(DomainSilo.Start);
        await using var cluster = await DomainSilo.StartAsync(time);
        var entities = new Entities(cluster.GrainFactory, DomainSilo.Start);
        var (viewer, a, b, c, d) = (await entities.UserAsync(), await entities.UserAsync(), await entities.UserAsync(), await entities.UserAsync(), await entities.UserAsync());
        var user = cluster.GrainFactory.GetGrain<IUserGrain>(viewer);
        await user.Follow(a);
        var first = await user.GetViewerContext();
        Assert.Equal([a], first.Follows.Select(f => f.UserId));

        await user.Follow(b);
        Assert.Equal(new[] { a, b }.Order(), (await user.GetViewerContext()).Follows.Select(f => f.UserId).Order());

        await user.Block(b);
        var blocked = await user.GetViewerContext();
        Assert.Equal([b], blocked.Blocks);
        Assert.DoesNotContain(blocked.RealGraph, e => e.UserId == b);

        await user.Mute(c);
        Assert.Equal([c], (await user.GetViewerContext()).Mutes);

        var ingest = await cluster.GrainFactory.GetGrain<IEngagementIngestGrain>(0).Ingest(
            [Entities.Event(viewer, EngagementAction.ProfileView, null, DomainSilo.Start, targetUserId: d)]);
        Assert.Empty(ingest.Rejected);
        var engaged = await user.GetViewerContext();
        Assert.Contains(engaged.RealGraph, e => e.UserId == d);

        await user.Report(d);
        Assert.DoesNotContain((await user.GetViewerContext()).RealGraph, e => e.UserId == d);
        Assert.Equal([d], (await cluster.GrainFactory.GetGrain<IUserRankingGrain>(viewer).GetRankingViewer()).ReportedUsers);

        var today = (await user.GetViewerContext()).RealGraph.Single(e => e.UserId == a).Score;
        time.Advance(TimeSpan.FromDays(20));
        Assert.True((await user.GetViewerContext()).RealGraph.Single(e => e.UserId == a).Score < today);

        var registry = cluster.GrainFactory.GetGrain<IModelRegistryGrain>(0);
        var uploaded = await registry.Upload(Trained);
        await registry.Activate("realgraph", uploaded.Version);
        Assert.Equal($"realgraph/{uploaded.Version}", (await user.GetViewerContext()).RealGraphModel);
    }

    private static CompiledHead Head() =>
        CompiledHead.Compile(EmbeddedModels.All.Single(m => m.Name == "realgraph" && m.Version == "default-v0"), RealGraphOptions.HeadName, RealGraphFeatures.Names);
}
