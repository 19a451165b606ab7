using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Grains.Interfaces.Users;
using Recsys.Runtime;
using Recsys.Silo.Tests.Support;

namespace Recsys.Silo.Tests;

/// <summary>SimClusters in the admin view: a user's InterestedIn, a post's embedding, a community's top posts; the job.</summary>
[Trait("Category", "Functional")]
[Trait("Area", "SimClusters")]
public sealed class SimClustersEndpointsTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private const int Community = 4;

    private ApiHost Host => fixture.Host;

    [Fact]
    public async Task Interests_embeddings_and_community_top_posts_are_visible_in_the_admin_view()
    {
        var (author, fan) = (await Host.CreateUserAsync(), await Host.CreateUserAsync());
        var grains = Host.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IUserGrain>(fan).SetSimClusters(new UserSimClusters(
            1, DateTimeOffset.UtcNow, null, [new CommunityScore(Community, 1f)], []));
        var post = await Host.CreatePostAsync(author);
        await Host.PostAsync("/api/engagements", new { events = new[] { new { id = $"like-{fan}-{post}", userId = fan, action = "like", postId = post, time = TestApi.Now() } } });

        var user = await (await Host.Client.GetAsync($"/api/admin/grains/user/{fan}")).JsonAsync();
        var embedded = await (await Host.Client.GetAsync($"/api/admin/grains/post/{post}")).JsonAsync();
        var community = await (await Host.Client.GetAsync($"/api/admin/grains/simcluster/{Community}")).JsonAsync();
        var jobs = await (await Host.Client.GetAsync("/api/admin/jobs")).JsonAsync();

        var interests = user.GetProperty("stored")[0].GetProperty("state").GetProperty("simClusters").GetProperty("interestedIn")[0];
        Assert.Equal(Community, interests.GetProperty("communityId").GetInt32());
        var embedding = embedded.GetProperty("live").GetProperty("simClusters");
        Assert.Equal(1, embedding.GetProperty("likes").GetInt32());
        Assert.Equal(Community, embedding.GetProperty("communities")[0].GetProperty("communityId").GetInt32());
        Assert.Equal(post, community.GetProperty("live").GetProperty("topPosts")[0].GetProperty("postId").GetInt64());
        Assert.Equal("community", community.GetProperty("stored")[0].GetProperty("name").GetString());
        Assert.Contains("simclusters", jobs.GetProperty("jobs").EnumerateArray().Select(j => j.GetString()));
    }
}
