using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Tests.Support;
using Recsys.Runtime.Testing;

namespace Recsys.Grains.Tests.RealGraph;

[Trait("Category", "Functional")]
[Trait("Area", "RealGraph")]
public sealed class UserGrainRealGraphTests
{
    [Fact]
    public async Task EngagementsAndFollowsBuildTheEdgesTheTimelineReads()
    {
        await using var cluster = await DomainSilo.StartAsync();
        var entities = new Entities(cluster.GrainFactory, DomainSilo.Start);
        var (viewer, friend, stranger, quiet) = (await entities.UserAsync(), await entities.UserAsync(), await entities.UserAsync(), await entities.UserAsync());
        var post = await entities.PostAsync(friend);
        var user = cluster.GrainFactory.GetGrain<IUserGrain>(viewer);
        await user.Follow(friend);
        await user.Follow(quiet);
        await Ingest(cluster, Entities.Event(viewer, EngagementAction.Like, post, DomainSilo.Start.AddMinutes(-3)),
            Entities.Event(viewer, EngagementAction.Reply, post, DomainSilo.Start.AddMinutes(-2)),
            Entities.Event(viewer, EngagementAction.ProfileView, null, DomainSilo.Start.AddMinutes(-1), targetUserId: stranger));

        var context = await user.GetViewerContext();

        // a fresh follow (num_follows) outweighs one profile view; a like and a reply outweigh both
        Assert.Equal([friend, quiet, stranger], context.RealGraph.Select(e => e.UserId));
        Assert.Equal("realgraph/default-v0", context.RealGraphModel);
        Assert.False(context.RealGraph[2].Followed);
        Assert.Equal(context.RealGraph[0].Score, context.Follows.Single(f => f.UserId == friend).Weight);
        Assert.Equal(context.RealGraph[1].Score, context.Follows.Single(f => f.UserId == quiet).Weight);
    }

    [Fact]
    public async Task ScoresFadeDayByDayWithoutAnyTimerAndBlockedAccountsLeave()
    {
        var time = new ManualTimeProvider(DomainSilo.Start);
        await using var cluster = await DomainSilo.StartAsync(time);
        var entities = new Entities(cluster.GrainFactory, DomainSilo.Start);
        var (viewer, a, b) = (await entities.UserAsync(), await entities.UserAsync(), await entities.UserAsync());
        var user = cluster.GrainFactory.GetGrain<IUserGrain>(viewer);
        await Ingest(cluster, Entities.Event(viewer, EngagementAction.Mention, null, DomainSilo.Start, targetUserId: a),
            Entities.Event(viewer, EngagementAction.Mention, null, DomainSilo.Start, targetUserId: b));
        var today = (await user.GetRealGraph(10)).Edges.Single(e => e.UserId == a).Score;

        time.Advance(TimeSpan.FromDays(20));
        var later = (await user.GetRealGraph(10)).Edges.Single(e => e.UserId == a).Score;
        await user.Block(b);
        var explained = await user.ExplainRealGraph(b);

        Assert.True(later < today);
        Assert.DoesNotContain((await user.GetRealGraph(10)).Edges, e => e.UserId == b);
        Assert.Equal(0f, explained.Score);
        Assert.NotNull(explained.Excluded);
        Assert.Equal("realgraph/default-v0", explained.Model);
    }

    [Fact]
    public async Task AnUnfollowWeighsAgainstTheEdge()
    {
        await using var cluster = await DomainSilo.StartAsync();
        var entities = new Entities(cluster.GrainFactory, DomainSilo.Start);
        var (viewer, other) = (await entities.UserAsync(), await entities.UserAsync());
        var user = cluster.GrainFactory.GetGrain<IUserGrain>(viewer);
        await user.Follow(other);
        var followed = (await user.ExplainRealGraph(other)).Score;

        await user.Unfollow(other);
        var explained = await user.ExplainRealGraph(other);

        Assert.True(explained.Score < followed);
        Assert.Contains(explained.Features, f => f.Feature == "num_unfollows" && f.Value == 1);
        Assert.False(explained.Followed);
    }

    private static async Task Ingest(TestCluster cluster, params EngagementEvent[] events)
    {
        var result = await cluster.GrainFactory.GetGrain<IEngagementIngestGrain>(0).Ingest(events);
        Assert.Empty(result.Rejected);
    }
}
