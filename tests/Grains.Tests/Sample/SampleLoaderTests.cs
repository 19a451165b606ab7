using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Sample;
using Recsys.Grains.Tests.Support;

namespace Recsys.Grains.Tests.Sample;

[Trait("Category", "Functional")]
[Trait("Area", "Sample")]
public sealed class SampleLoaderTests
{
    [Fact]
    public async Task A_loaded_sample_is_in_the_grains_and_loading_it_again_changes_nothing()
    {
        var log = new MemoryEngagementLog();
        await using var cluster = await DomainSilo.StartAsync(log: log, configure: silo => silo.Configure<SampleOptions>(o => o.Seed = 11));
        var loader = cluster.Services.GetRequiredService<SampleLoader>();

        var manifest = await loader.LoadAsync(users: 150);
        var again = await loader.LoadAsync(users: 150);

        Assert.NotNull(manifest);
        Assert.Null(again);
        Assert.Equal(manifest.Engagements, log.Count);
        var data = SampleGenerator.Generate(new SampleOptions { Users = 150, Seed = 11 }, DomainSilo.Start);
        var busiest = data.Follows.GroupBy(f => f.FolloweeId).MaxBy(g => g.Count())!;
        Assert.Equal(busiest.Count(), (await cluster.GrainFactory.GetGrain<IUserGrain>(busiest.Key).GetProfile()).FollowerCount);
        var post = data.Posts[^1].Post;
        Assert.Equal(post.Text, (await cluster.GrainFactory.GetGrain<IPostGrain>(post.Id).GetView()).Post.Text);
    }
}
