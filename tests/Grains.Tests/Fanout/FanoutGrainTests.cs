using Recsys.Grains.Fanout;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Tests.Support;
using Recsys.Runtime;
using Recsys.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Recsys.Grains.Tests.Fanout;

[Trait("Category", "Functional")]
[Trait("Area", "Fanout")]
public sealed class FanoutGrainTests
{
    [Fact]
    public async Task A_new_post_is_fanned_out_into_each_followers_inbox()
    {
        await using var cluster = await DomainSilo.StartAsync();
        var entities = new Entities(cluster.GrainFactory, DomainSilo.Start);
        var author = await entities.UserAsync();
        var followers = await entities.UsersAsync(3);
        foreach (var follower in followers)
        {
            await cluster.GrainFactory.GetGrain<IUserGrain>(follower).Follow(author);
        }

        var post = await entities.PostAsync(author, replyToId: null, hasMedia: true);

        foreach (var follower in followers)
        {
            var candidates = await cluster.GrainFactory.GetGrain<IUserGrain>(follower).GetInNetworkCandidates(DomainSilo.Start.AddDays(-1), 10);
            var entry = Assert.Single(candidates.Entries);
            Assert.Equal((post, author, true, 1, 0), (entry.PostId, entry.AuthorId, entry.HasMedia, candidates.FromInbox, candidates.Pulled));
        }
    }

    [Fact]
    public async Task Posts_of_authors_over_the_pull_threshold_are_pulled_at_read_time_not_fanned_out()
    {
        await using var cluster = await DomainSilo.StartAsync(configure: silo => silo.Configure<FanoutOptions>(o => o.PullThreshold = 2));
        var entities = new Entities(cluster.GrainFactory, DomainSilo.Start);
        var (celebrity, friend) = (await entities.UserAsync(), await entities.UserAsync());
        var fans = await entities.UsersAsync(3);
        foreach (var fan in fans)
        {
            await cluster.GrainFactory.GetGrain<IUserGrain>(fan).Follow(celebrity);
        }

        await cluster.GrainFactory.GetGrain<IUserGrain>(fans[0]).Follow(friend);
        var loud = await entities.PostAsync(celebrity, DomainSilo.Start.AddMinutes(-1));
        var quiet = await entities.PostAsync(friend, DomainSilo.Start.AddMinutes(-2));

        Assert.True((await cluster.GrainFactory.GetGrain<IFollowersGrain>(celebrity).GetFanoutTargets()).Pull);
        var candidates = await cluster.GrainFactory.GetGrain<IUserGrain>(fans[0]).GetInNetworkCandidates(DomainSilo.Start.AddDays(-1), 10);
        Assert.Equal([loud, quiet], candidates.Entries.Select(e => e.PostId));
        Assert.Equal((1, 1), (candidates.FromInbox, candidates.Pulled));
    }

    [Fact]
    public async Task The_inbox_is_bounded_never_stored_and_rebuilt_from_followees_after_a_restart()
    {
        await using var cluster = await DomainSilo.StartAsync(configure: silo => silo.Configure<FanoutOptions>(o => o.InboxCapacity = 3));
        var entities = new Entities(cluster.GrainFactory, DomainSilo.Start);
        var (author, reader) = (await entities.UserAsync(), await entities.UserAsync());
        await cluster.GrainFactory.GetGrain<IUserGrain>(reader).Follow(author);
        var storage = cluster.Services.GetRequiredKeyedService<IGrainStorage>("Default");
        var readerId = GrainId.Create("user", reader);
        var versionBefore = (await storage.ReadAsync(readerId, "user"))!.ETag;

        var posts = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            posts.Add(await entities.PostAsync(author, DomainSilo.Start.AddMinutes(-10 + i)));
        }

        Assert.Equal(versionBefore, (await storage.ReadAsync(readerId, "user"))!.ETag);
        var before = await cluster.GrainFactory.GetGrain<IUserGrain>(reader).GetInNetworkCandidates(DomainSilo.Start.AddDays(-1), 10);
        await cluster.RestartSiloAsync();
        var after = await cluster.GrainFactory.GetGrain<IUserGrain>(reader).GetInNetworkCandidates(DomainSilo.Start.AddDays(-1), 10);

        Assert.Equal(posts.AsEnumerable().Reverse().Take(3), before.Entries.Select(e => e.PostId));
        Assert.Equal(before.Entries, after.Entries);
    }
}
