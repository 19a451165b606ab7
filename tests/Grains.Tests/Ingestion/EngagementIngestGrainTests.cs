using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Tests.Support;
using Recsys.Runtime.Testing;

namespace Recsys.Grains.Tests.Ingestion;

[Trait("Category", "BVT")]
[Trait("Area", "Ingestion")]
public sealed class EngagementIngestGrainTests
{
    [Fact]
    public async Task Accepted_engagements_reach_the_post_the_actor_and_the_author()
    {
        await using var cluster = await DomainSilo.StartAsync();
        var entities = new Entities(cluster.GrainFactory, DomainSilo.Start);
        var (author, fan) = (await entities.UserAsync(), await entities.UserAsync());
        var post = await entities.PostAsync(author);
        var at = DomainSilo.Start.AddMinutes(-1);

        var result = await Ingest(cluster, Entities.Event(fan, EngagementAction.Impression, post, at), Entities.Event(fan, EngagementAction.Like, post, at));

        Assert.Equal((2, 0), (result.Accepted, result.Duplicates));
        Assert.Empty(result.Rejected);
        var view = await cluster.GrainFactory.GetGrain<IPostGrain>(post).GetView();
        Assert.Equal(1, view.Engagements.Total(EngagementAction.Like));
        var actor = await cluster.GrainFactory.GetGrain<IUserGrain>(fan).GetActivity();
        Assert.Equal(1, actor.AsActor.Total(EngagementAction.Like));
        Assert.Equal(author, Assert.Single(actor.Authors).AuthorId);
        var received = await cluster.GrainFactory.GetGrain<IUserGrain>(author).GetActivity();
        Assert.Equal(1, received.AsAuthor.Total(EngagementAction.Like));
        Assert.Contains(post, (await cluster.GrainFactory.GetGrain<IUserGrain>(fan).GetViewerContext()).Impressions);
    }

    [Fact]
    public async Task A_repeated_event_id_is_accepted_once_and_never_counted_twice()
    {
        await using var cluster = await DomainSilo.StartAsync();
        var entities = new Entities(cluster.GrainFactory, DomainSilo.Start);
        var (author, fan) = (await entities.UserAsync(), await entities.UserAsync());
        var post = await entities.PostAsync(author);
        var like = Entities.Event(fan, EngagementAction.Like, post, DomainSilo.Start.AddMinutes(-1), id: "like-1");

        var first = await Ingest(cluster, like, like);
        var again = await Ingest(cluster, like);

        Assert.Equal((1, 1), (first.Accepted, first.Duplicates));
        Assert.Equal((0, 1), (again.Accepted, again.Duplicates));
        Assert.Equal(1, (await cluster.GrainFactory.GetGrain<IPostGrain>(post).GetView()).Engagements.Total(EngagementAction.Like));
    }

    [Fact]
    public async Task Rejected_events_name_their_field_and_nothing_of_them_is_applied()
    {
        var time = new ManualTimeProvider(DomainSilo.Start);
        await using var cluster = await DomainSilo.StartAsync(time);
        var entities = new Entities(cluster.GrainFactory, DomainSilo.Start);
        var (author, fan) = (await entities.UserAsync(), await entities.UserAsync());
        var post = await entities.PostAsync(author);
        var at = DomainSilo.Start.AddMinutes(-1);

        var result = await Ingest(cluster,
            Entities.Event(fan, EngagementAction.Like, post, at),
            Entities.Event(DomainSilo.UniqueId(), EngagementAction.Like, post, at),
            Entities.Event(fan, EngagementAction.Like, DomainSilo.UniqueId(), at),
            Entities.Event(fan, EngagementAction.Like, post, DomainSilo.Start.AddHours(1)),
            Entities.Event(fan, EngagementAction.Follow, null, at, targetUserId: DomainSilo.UniqueId()),
            Entities.Event(fan, EngagementAction.Like, null, at),
            Entities.Event(fan, (EngagementAction)999, post, at),
            Entities.Event(fan, EngagementAction.Follow, null, at, targetUserId: fan));

        Assert.Equal(1, result.Accepted);
        Assert.Equal(
            ["events[1].userId", "events[2].postId", "events[3].time", "events[4].targetUserId", "events[5].postId", "events[6].action", "events[7].targetUserId"],
            result.Rejected.Select(r => r.Field));
        Assert.Equal(1, (await cluster.GrainFactory.GetGrain<IPostGrain>(post).GetView()).Engagements.Total(EngagementAction.Like));
        Assert.Empty((await cluster.GrainFactory.GetGrain<IUserGrain>(fan).GetViewerContext()).Follows);
    }

    [Fact]
    public async Task Social_engagements_change_the_graph_through_the_same_grain_methods_as_the_routes()
    {
        await using var cluster = await DomainSilo.StartAsync();
        var entities = new Entities(cluster.GrainFactory, DomainSilo.Start);
        var (a, b, c) = (await entities.UserAsync(), await entities.UserAsync(), await entities.UserAsync());
        var at = DomainSilo.Start.AddMinutes(-10);

        await Ingest(cluster,
            Entities.Event(a, EngagementAction.Follow, null, at, targetUserId: b),
            Entities.Event(a, EngagementAction.Follow, null, at, targetUserId: c),
            Entities.Event(a, EngagementAction.Mute, null, at.AddMinutes(1), targetUserId: c),
            Entities.Event(a, EngagementAction.Block, null, at.AddMinutes(2), targetUserId: b));

        var context = await cluster.GrainFactory.GetGrain<IUserGrain>(a).GetViewerContext();
        Assert.Equal([c], context.Follows.Select(f => f.UserId));
        Assert.Equal([b], context.Blocks);
        Assert.Equal([c], context.Mutes);
        Assert.Equal(0, (await cluster.GrainFactory.GetGrain<IUserGrain>(b).GetProfile()).FollowerCount);
        Assert.Equal(1, (await cluster.GrainFactory.GetGrain<IUserGrain>(c).GetProfile()).FollowerCount);
    }

    [Fact]
    public async Task A_batch_over_the_limit_is_refused_whole()
    {
        await using var cluster = await DomainSilo.StartAsync(configure: silo => silo.Configure<Recsys.Grains.Ingestion.IngestionOptions>(o => o.MaxBatchEvents = 2));
        var events = Enumerable.Range(0, 3).Select(_ => Entities.Event(1, EngagementAction.Login, null, DomainSilo.Start)).ToArray();

        var refused = await Assert.ThrowsAsync<Recsys.Grains.Interfaces.Errors.ValidationException>(() => Ingest(cluster, events));

        Assert.Equal("events", refused.Field);
    }

    internal static Task<IngestResult> Ingest(TestCluster cluster, params EngagementEvent[] events) =>
        cluster.GrainFactory.GetGrain<IEngagementIngestGrain>(0).Ingest(events);
}
