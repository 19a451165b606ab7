using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Grains.Tests.Support;
using Recsys.Runtime.Testing;
using Xunit.Abstractions;

namespace Recsys.Grains.Tests.SimClusters;

/// <summary>Community top posts arrive through the coalescing batcher, and retrieval reads them.</summary>
[Trait("Category", "Functional")]
[Trait("Area", "SimClusters")]
public sealed class SimClusterGrainTests(ITestOutputHelper output)
{
    private const int HotCommunity = 7;
    private static readonly DateTimeOffset Now = DomainSilo.Start;

    [Fact]
    public async Task Likes_on_two_hundred_posts_of_one_community_reach_it_in_a_few_batched_calls()
    {
        const int Posts = 200;
        await using var cluster = await SimClustersCluster.StartAsync();
        var grains = cluster.GrainFactory;
        var entities = new Entities(grains, Now);
        var author = await entities.UserAsync();
        var fans = await entities.UsersAsync(Posts);
        await Task.WhenAll(fans.Select(f => grains.SetInterestedInAsync(f, Now, (HotCommunity, 1f))));
        var posts = await Task.WhenAll(fans.Select(_ => entities.PostAsync(author)));

        // The community's first update call is held until every post has handed its update to a batcher, as when the
        // community is busy: everything else must coalesce behind it.
        var handed = 0;
        var allHanded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = 0;
        cluster.Signals().Before = async call =>
        {
            if (call.InterfaceType == typeof(ISimClusterPostBatcherGrain) && Interlocked.Increment(ref handed) == Posts)
            {
                allHanded.TrySetResult();
            }
            else if (call.InterfaceType == typeof(ISimClusterGrain) && call.MethodName == nameof(ISimClusterGrain.UpdatePosts)
                && Interlocked.Increment(ref held) == 1)
            {
                await release.Task;
            }
        };

        var ingest = grains.GetGrain<IEngagementIngestGrain>(0);
        var likes = posts.Select((post, i) => ingest.Ingest([Entities.Event(fans[i], EngagementAction.Like, post, Now)])).ToArray();
        await allHanded.Task.WaitAsync(TimeSpan.FromSeconds(60));
        release.SetResult();
        await Task.WhenAll(likes);

        var calls = cluster.Signals().Calls("ISimClusterGrain.UpdatePosts", HotCommunity.ToString());
        output.WriteLine($"{Posts} liked posts reached community {HotCommunity} in {calls} calls");
        Assert.InRange(calls, 1, 20);
        var top = await grains.GetGrain<ISimClusterGrain>(HotCommunity).GetTopPosts(1_000);
        Assert.Equal(posts.Order(), top.Select(p => p.PostId).Order());
        Assert.All(top, p => Assert.Equal(1.0, p.Score, 4));
    }

    [Fact]
    public async Task Retrieval_answers_the_top_posts_of_given_communities_and_scores_candidates_for_a_vector()
    {
        await using var cluster = await SimClustersCluster.StartAsync();
        var grains = cluster.GrainFactory;
        var entities = new Entities(grains, Now);
        var author = await entities.UserAsync();
        var (one, two, both) = (await entities.UserAsync(), await entities.UserAsync(), await entities.UserAsync());
        await grains.SetInterestedInAsync(one, Now, (1, 1f));
        await grains.SetInterestedInAsync(two, Now, (2, 1f));
        await grains.SetInterestedInAsync(both, Now, (1, 0.6f), (2, 0.8f));
        var (p1, p2, p3, p4) = (await entities.PostAsync(author), await entities.PostAsync(author), await entities.PostAsync(author), await entities.PostAsync(author));
        await grains.GetGrain<IEngagementIngestGrain>(0).Ingest([
            Entities.Event(one, EngagementAction.Like, p1, Now),
            Entities.Event(two, EngagementAction.Like, p2, Now),
            Entities.Event(both, EngagementAction.Like, p3, Now),
            Entities.Event(one, EngagementAction.Like, p4, Now),
            Entities.Event(both, EngagementAction.Like, p4, Now)]);
        var retrieval = grains.GetGrain<ISimClustersRetrievalGrain>(0);

        var top = await retrieval.GetTopPosts([1, 2, 99], 10);
        var topOfOne = await retrieval.GetTopPosts([1], 2);
        var candidates = await retrieval.GetCandidates([new CommunityScore(1, 0.6f), new CommunityScore(2, 0.8f)], 10, 3);

        // p4 is 1.6 in community 1 and 0.8 in 2; p3 0.6 and 0.8; p1 1 in 1; p2 1 in 2. Community 99 is empty.
        var expected = new[] { (p4, 1, 1.6), (p1, 1, 1.0), (p2, 2, 1.0) }
            .Concat(new[] { (p3, 2, 0.8), (p4, 2, 0.8) }.OrderBy(e => e.Item1))
            .Append((p3, 1, 0.6)).ToArray();
        Assert.Equal(expected.Select(e => (e.Item1, e.Item2)), top.Select(p => (p.PostId, p.CommunityId)));
        Assert.All(top.Zip(expected), pair => Assert.Equal(pair.Second.Item3, pair.First.Score, 4));
        Assert.Equal([p4, p1], topOfOne.Select(p => p.PostId));
        Assert.Equal([p4, p3, p2], candidates.Select(c => c.PostId)); // 0.6·1.6 + 0.8·0.8, 0.6·0.6 + 0.8·0.8, 0.8·1
        Assert.Equal([1.6, 1.0, 0.8], candidates.Select(c => Math.Round(c.Score, 4)));
    }

    [Fact]
    public async Task Top_posts_decay_and_posts_below_the_minimum_score_leave_the_community()
    {
        var time = new ManualTimeProvider(Now);
        await using var cluster = await SimClustersCluster.StartAsync(time);
        var community = cluster.GrainFactory.GetGrain<ISimClusterGrain>(3);

        await community.UpdatePosts([new PostScoreUpdate(10, 1.0, Now), new PostScoreUpdate(11, 0.004, Now), new PostScoreUpdate(12, 0.5, Now)]);
        var fresh = await community.GetTopPosts(10);
        time.Advance(TimeSpan.FromHours(16));
        var later = await community.GetTopPosts(10);

        Assert.Equal([10L, 12, 11], fresh.Select(p => p.PostId));
        Assert.Equal([10L, 12], later.Select(p => p.PostId)); // 0.004 / 4 is under 0.001
        Assert.Equal(0.25, later[0].Score, 6);
    }
}
