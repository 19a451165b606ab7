using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Tests.SimClusters;
using Recsys.Grains.Tests.Support;
using Recsys.Grains.Timeline;
using Recsys.Grains.Timeline.CandidateSources;
using Recsys.Runtime;
using Recsys.Runtime.Testing;

namespace Recsys.Grains.Tests.Timeline;

/// <summary>Each candidate source, hydration and the switches, on small hand-built graphs in one silo each.</summary>
[Trait("Category", "Functional")]
[Trait("Area", "Timeline")]
public sealed class TimelineSourcesTests
{
    private static readonly DateTimeOffset Now = DomainSilo.Start;

    [Fact]
    public async Task In_network_serves_followees_posts_and_a_followees_repost_as_the_original_with_the_reposter_as_proof()
    {
        await using var cluster = await TimelineCluster.StartAsync(new ManualTimeProvider(Now));
        var (grains, e) = (cluster.GrainFactory, new Entities(cluster.GrainFactory, Now));
        var (viewer, followee, stranger) = (await e.UserAsync(), await e.UserAsync(), await e.UserAsync());
        await grains.GetGrain<IUserGrain>(viewer).Follow(followee);
        var own = await e.PostAsync(followee);
        var original = await e.PostAsync(stranger, Now.AddMinutes(-30));
        var repost = await RepostAsync(grains, followee, original);

        var page = await ForYouAsync(grains, viewer);

        var ownItem = page.Items.Single(i => i.PostId == own);
        var reposted = page.Items.Single(i => i.PostId == original);
        Assert.Equal(("InNetwork", followee, true), (ownItem.Source, ownItem.AuthorId, ownItem.InNetwork));
        Assert.Equal(("InNetwork", stranger, true, followee), (reposted.Source, reposted.AuthorId, reposted.InNetwork, reposted.Explain!.RepostedBy));
        Assert.Equal([followee], reposted.SocialProof);
        Assert.DoesNotContain(page.Items, i => i.PostId == repost);
    }

    [Fact]
    public async Task In_network_looks_back_48_hours_for_a_light_viewer()
    {
        await using var cluster = await TimelineCluster.StartAsync(new ManualTimeProvider(Now));
        var (grains, e) = (cluster.GrainFactory, new Entities(cluster.GrainFactory, Now));
        var (viewer, followee) = (await e.UserAsync(), await e.UserAsync());
        await grains.GetGrain<IUserGrain>(viewer).Follow(followee);
        var yesterday = await e.PostAsync(followee, Now.AddHours(-30));
        var older = await e.PostAsync(followee, Now.AddHours(-50));

        var page = await ForYouAsync(grains, viewer);

        Assert.Contains((await grains.GetGrain<IUserGrain>(viewer).GetProfile()).State, new[] { UserState.New, UserState.NearZero, UserState.VeryLight, UserState.Light });
        Assert.Contains(page.Items, i => i.PostId == yesterday);
        Assert.DoesNotContain(page.Items, i => i.PostId == older);
    }

    [Fact]
    public async Task The_social_graph_serves_what_followees_engaged_with_and_keeps_who_as_social_proof()
    {
        await using var cluster = await TimelineCluster.StartAsync(new ManualTimeProvider(Now));
        var (grains, e) = (cluster.GrainFactory, new Entities(cluster.GrainFactory, Now));
        var (viewer, first, second, stranger) = (await e.UserAsync(), await e.UserAsync(), await e.UserAsync(), await e.UserAsync());
        await grains.GetGrain<IUserGrain>(viewer).Follow(first);
        await grains.GetGrain<IUserGrain>(viewer).Follow(second);
        var liked = await e.PostAsync(stranger, Now.AddHours(-2));
        var unseen = await e.PostAsync(stranger, Now.AddHours(-1));
        await grains.GetGrain<IEngagementIngestGrain>(0).Ingest(
        [
            Entities.Event(first, EngagementAction.Like, liked, Now.AddMinutes(-30)),
            Entities.Event(second, EngagementAction.Repost, liked, Now.AddMinutes(-20)),
        ]);

        var page = await ForYouAsync(grains, viewer);

        var item = page.Items.Single(i => i.PostId == liked);
        Assert.Equal(("SocialGraph", false, stranger), (item.Source, item.InNetwork, item.AuthorId));
        Assert.Equal(new[] { first, second }.Order(), item.SocialProof.Order());
        Assert.DoesNotContain(page.Items, i => i.PostId == unseen);
    }

    [Fact]
    public async Task SimClusters_serves_the_top_posts_of_the_viewers_communities_hydrated_with_their_author()
    {
        await using var cluster = await TimelineCluster.StartAsync(new ManualTimeProvider(Now));
        var (grains, e) = (cluster.GrainFactory, new Entities(cluster.GrainFactory, Now));
        var (viewer, author) = (await e.UserAsync(), await e.UserAsync());
        await VerifyAsync(grains, author);
        var post = await e.PostAsync(author, Now.AddHours(-1));
        await grains.SetInterestedInAsync(viewer, Now, (3, 1f));
        await grains.GetGrain<ISimClusterGrain>(3).UpdatePosts([new PostScoreUpdate(post, 2.0, Now)]);

        var page = await ForYouAsync(grains, viewer);

        var item = Assert.Single(page.Items);
        Assert.Equal((post, author, "SimClusters", false), (item.PostId, item.AuthorId, item.Source, item.InNetwork));
        Assert.Contains(item.Explain!.Factors, f => f.Name == "OutOfNetworkScale");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_follow_recommendation_source_serves_recommended_authors_posts_only_behind_its_flag(bool enabled)
    {
        var recommended = new List<long>();
        await using var cluster = await TimelineCluster.StartAsync(new ManualTimeProvider(Now), configure: silo =>
        {
            silo.Services.AddSingleton<IFollowRecommendations>(new FixedRecommendations(recommended));
            silo.Configure<ForYouParams>(p => p.EnableFollowRecommendationSource = enabled);
        });
        var (grains, e) = (cluster.GrainFactory, new Entities(cluster.GrainFactory, Now));
        var (viewer, author) = (await e.UserAsync(), await e.UserAsync());
        recommended.Add(author);
        await VerifyAsync(grains, author);
        var post = await e.PostAsync(author, Now.AddHours(-1));

        var page = await ForYouAsync(grains, viewer);

        Assert.Equal(enabled ? 1 : 0, page.Stats!.Sources["FollowRecommendation"]);
        Assert.Equal(enabled, page.Items.Any(i => i.PostId == post && i.Source == "FollowRecommendation"));
    }

    [Fact]
    public async Task A_component_listed_in_the_kill_switches_does_not_run()
    {
        await using var cluster = await TimelineCluster.StartAsync(new ManualTimeProvider(Now),
            configure: silo => silo.Configure<ForYouParams>(p => p.DisabledComponents.AddRange(["CandidateSource:InNetwork", "Scorer:AgeDecay"])));
        var (grains, e) = (cluster.GrainFactory, new Entities(cluster.GrainFactory, Now));
        var (viewer, followee, stranger) = (await e.UserAsync(), await e.UserAsync(), await e.UserAsync());
        await grains.GetGrain<IUserGrain>(viewer).Follow(followee);
        await e.PostAsync(followee);
        var liked = await e.PostAsync(stranger);
        await grains.GetGrain<IEngagementIngestGrain>(0).Ingest([Entities.Event(followee, EngagementAction.Like, liked, Now)]);

        var page = await ForYouAsync(grains, viewer);

        var item = Assert.Single(page.Items);
        Assert.Equal(liked, item.PostId);
        Assert.Equal(0, page.Stats!.Sources["InNetwork"]);
        Assert.DoesNotContain(item.Explain!.Factors, f => f.Name == "AgeDecay");
    }

    private static Task<ForYouPage> ForYouAsync(IGrainFactory grains, long viewer) =>
        grains.GetGrain<ITimelineGrain>(viewer).GetForYou(new ForYouRequest(Explain: true));

    private static async Task<long> RepostAsync(IGrainFactory grains, long reposter, long original)
    {
        var id = DomainSilo.UniqueId();
        await grains.GetGrain<IPostGrain>(id).Create(new PostRecord(id, reposter, "", Now.AddMinutes(-10), "en", RepostOfId: original));
        return id;
    }

    private static async Task VerifyAsync(IGrainFactory grains, long user)
    {
        var profile = await grains.GetGrain<IUserGrain>(user).GetProfile();
        await grains.GetGrain<IUserGrain>(user).Upsert(new UserProfile(user, profile.Handle, profile.Language, profile.Country, profile.SignupTime, Verified: true));
    }

    private sealed class FixedRecommendations(IReadOnlyList<long> accounts) : IFollowRecommendations
    {
        public Task<IReadOnlyList<long>> RecommendAsync(long viewerId, int max, CancellationToken cancellation) => Task.FromResult(accounts);
    }
}
