using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Grains.SimClusters;
using Recsys.Grains.Tests.Support;
using Recsys.Runtime.Testing;

namespace Recsys.Grains.Tests.SimClusters;

/// <summary>Post embeddings grow online from likes, in the Post grain's engagement path.</summary>
[Trait("Category", "Functional")]
[Trait("Area", "SimClusters")]
public sealed class PostEmbeddingGrainTests
{
    private static readonly DateTimeOffset Now = DomainSilo.Start;

    [Fact]
    public async Task A_like_adds_the_likers_InterestedIn_to_the_post_with_an_eight_hour_half_life()
    {
        await using var cluster = await SimClustersCluster.StartAsync();
        var grains = cluster.GrainFactory;
        var entities = new Entities(grains, Now);
        var (author, early, late, nobody) = (await entities.UserAsync(), await entities.UserAsync(), await entities.UserAsync(), await entities.UserAsync());
        await grains.SetInterestedInAsync(early, Now, (3, 0.8f), (5, 0.6f));
        await grains.SetInterestedInAsync(late, Now, (5, 1f));
        var post = await entities.PostAsync(author, Now.AddHours(-10));

        await IngestAsync(cluster, Entities.Event(early, EngagementAction.Like, post, Now.AddHours(-8)));
        var afterOne = await grains.GetGrain<IPostGrain>(post).GetSimClustersEmbedding();
        await IngestAsync(cluster,
            Entities.Event(late, EngagementAction.Like, post, Now),
            Entities.Event(nobody, EngagementAction.Like, post, Now),
            Entities.Event(late, EngagementAction.Reply, post, Now));
        var afterThree = await grains.GetGrain<IPostGrain>(post).GetSimClustersEmbedding();

        // 8 hours later the first like is worth half: 0.4 and 0.3, valued now.
        AssertScores(afterOne!, (3, 0.4), (5, 0.3));
        Assert.Equal(1, afterOne!.Likes);
        AssertScores(afterThree!, (5, 1.3), (3, 0.4)); // the like of a user without InterestedIn adds nothing, a reply is no like
        Assert.Equal(3, afterThree!.Likes);
        var community5 = await grains.GetGrain<ISimClusterGrain>(5).GetTopPosts(10);
        Assert.Equal(post, Assert.Single(community5).PostId);
        Assert.Equal(1.3, community5[0].Score, 4);
    }

    [Fact]
    public async Task Likes_on_posts_older_than_three_days_are_ignored()
    {
        await using var cluster = await SimClustersCluster.StartAsync();
        var grains = cluster.GrainFactory;
        var entities = new Entities(grains, Now);
        var (author, fan) = (await entities.UserAsync(), await entities.UserAsync());
        await grains.SetInterestedInAsync(fan, Now, (2, 1f));
        var old = await entities.PostAsync(author, Now - TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        var justYoungEnough = await entities.PostAsync(author, Now - TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));

        await IngestAsync(cluster, Entities.Event(fan, EngagementAction.Like, old, Now), Entities.Event(fan, EngagementAction.Like, justYoungEnough, Now));

        Assert.Null(await grains.GetGrain<IPostGrain>(old).GetSimClustersEmbedding());
        Assert.Equal(1, (await grains.GetGrain<IPostGrain>(old).GetView()).Engagements.Total(EngagementAction.Like)); // counted, just not embedded
        AssertScores((await grains.GetGrain<IPostGrain>(justYoungEnough).GetSimClustersEmbedding())!, (2, 1.0));
        Assert.Equal([justYoungEnough], (await grains.GetGrain<ISimClusterGrain>(2).GetTopPosts(10)).Select(p => p.PostId));
    }

    [Fact]
    public async Task A_liker_is_looked_up_once_per_silo_not_once_per_like()
    {
        await using var cluster = await SimClustersCluster.StartAsync();
        var grains = cluster.GrainFactory;
        var entities = new Entities(grains, Now);
        var (author, fan) = (await entities.UserAsync(), await entities.UserAsync());
        await grains.SetInterestedInAsync(fan, Now, (4, 1f));
        var posts = new List<long>();
        for (var i = 0; i < 30; i++)
        {
            posts.Add(await entities.PostAsync(author));
        }

        foreach (var post in posts)
        {
            await IngestAsync(cluster, Entities.Event(fan, EngagementAction.Like, post, Now));
        }

        Assert.Equal(1, cluster.Signals().Calls("IUserGrain.GetSimClusters", fan.ToString()));
        Assert.Equal(30, (await grains.GetGrain<ISimClusterGrain>(4).GetTopPosts(100)).Count);
    }

    [Fact]
    public async Task A_full_InterestedIn_cache_is_emptied_so_a_liker_is_looked_up_again()
    {
        await using var cluster = await SimClustersCluster.StartAsync(configure: silo => silo.Configure<SimClustersOptions>(o => o.InterestedInCacheCapacity = 2));
        var grains = cluster.GrainFactory;
        var entities = new Entities(grains, Now);
        var author = await entities.UserAsync();
        var fans = new[] { await entities.UserAsync(), await entities.UserAsync(), await entities.UserAsync() };
        var post = await entities.PostAsync(author);

        foreach (var fan in fans.Append(fans[1])) // the third fan's lookup finds the cache full and empties it; the second fan's next like misses
        {
            await IngestAsync(cluster, Entities.Event(fan, EngagementAction.Like, post, Now));
        }

        var again = await entities.PostAsync(author);
        await IngestAsync(cluster, Entities.Event(fans[2], EngagementAction.Like, again, Now)); // kept since the emptying

        Assert.Equal(1, cluster.Signals().Calls("IUserGrain.GetSimClusters", fans[0].ToString()));
        Assert.Equal(2, cluster.Signals().Calls("IUserGrain.GetSimClusters", fans[1].ToString()));
        Assert.Equal(1, cluster.Signals().Calls("IUserGrain.GetSimClusters", fans[2].ToString()));
    }

    [Fact]
    public async Task The_embedding_is_stored_with_the_engagement_checkpoint_and_survives_a_restart()
    {
        var time = new ManualTimeProvider(Now);
        await using var cluster = await SimClustersCluster.StartAsync(time);
        var grains = cluster.GrainFactory;
        var entities = new Entities(grains, Now);
        var (author, fan) = (await entities.UserAsync(), await entities.UserAsync());
        await grains.SetInterestedInAsync(fan, Now, (1, 0.6f), (9, 0.8f));
        var post = await entities.PostAsync(author);
        await IngestAsync(cluster, Entities.Event(fan, EngagementAction.Like, post, Now));
        var before = await grains.GetGrain<IPostGrain>(post).GetSimClustersEmbedding();

        await cluster.RestartSiloAsync();
        var after = await cluster.GrainFactory.GetGrain<IPostGrain>(post).GetSimClustersEmbedding();
        var community = await cluster.GrainFactory.GetGrain<ISimClusterGrain>(9).GetTopPosts(10);

        Assert.Equal(before!.Communities, after!.Communities);
        Assert.Equal(1, after.Likes);
        Assert.Equal(post, Assert.Single(community).PostId); // the community wrote its top posts when it was deactivated
    }

    private static async Task IngestAsync(TestCluster cluster, params EngagementEvent[] events)
    {
        var result = await cluster.GrainFactory.GetGrain<IEngagementIngestGrain>(0).Ingest(events);
        Assert.Equal(events.Length, result.Accepted);
    }

    private static void AssertScores(PostEmbeddingView view, params (int Community, double Score)[] expected)
    {
        Assert.Equal(expected.Select(e => e.Community), view.Communities.Select(c => c.CommunityId));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Score, view.Communities[i].Score, 4);
        }
    }
}
