using Recsys.Grains.Interfaces.Errors;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Tests.Support;
using Recsys.Grains.Users;

namespace Recsys.Grains.Tests.Users;

[Trait("Category", "BVT")]
[Trait("Area", "Users")]
public sealed class SocialGraphTests
{
    [Fact]
    public async Task Following_and_unfollowing_keep_both_sides_in_step()
    {
        await using var cluster = await DomainSilo.StartAsync();
        var entities = new Entities(cluster.GrainFactory, DomainSilo.Start);
        var (a, b) = (await entities.UserAsync(), await entities.UserAsync());
        var user = cluster.GrainFactory.GetGrain<IUserGrain>(a);

        Assert.True(await user.Follow(b));
        Assert.False(await user.Follow(b));
        Assert.Equal((1, 1L), ((await user.GetProfile()).FollowingCount, (await cluster.GrainFactory.GetGrain<IUserGrain>(b).GetProfile()).FollowerCount));

        Assert.True(await user.Unfollow(b));
        Assert.Equal((0, 0L), ((await user.GetProfile()).FollowingCount, (await cluster.GrainFactory.GetGrain<IUserGrain>(b).GetProfile()).FollowerCount));
    }

    [Fact]
    public async Task Blocking_stops_following_and_a_blocked_user_cannot_be_followed_until_unblocked()
    {
        await using var cluster = await DomainSilo.StartAsync();
        var entities = new Entities(cluster.GrainFactory, DomainSilo.Start);
        var (a, b) = (await entities.UserAsync(), await entities.UserAsync());
        var user = cluster.GrainFactory.GetGrain<IUserGrain>(a);
        await user.Follow(b);

        Assert.True(await user.Block(b));
        var refused = await Assert.ThrowsAsync<ValidationException>(() => user.Follow(b));
        Assert.True(await user.Unblock(b));
        Assert.True(await user.Follow(b));

        Assert.Equal("targetId", refused.Field);
        Assert.Empty((await user.GetViewerContext()).Blocks);
    }

    [Fact]
    public async Task Unknown_targets_self_targets_and_the_follow_limit_are_refused_naming_the_field()
    {
        await using var cluster = await DomainSilo.StartAsync(configure: silo => silo.Configure<UserOptions>(o => o.MaxFollows = 1));
        var entities = new Entities(cluster.GrainFactory, DomainSilo.Start);
        var (a, b, c) = (await entities.UserAsync(), await entities.UserAsync(), await entities.UserAsync());
        var user = cluster.GrainFactory.GetGrain<IUserGrain>(a);
        await user.Follow(b);

        var unknown = await Assert.ThrowsAsync<UnknownEntityException>(() => user.Mute(DomainSilo.UniqueId()));
        var self = await Assert.ThrowsAsync<ValidationException>(() => user.Follow(a));
        var limit = await Assert.ThrowsAsync<ValidationException>(() => user.Follow(c));
        var unknownActor = await Assert.ThrowsAsync<UnknownEntityException>(() => cluster.GrainFactory.GetGrain<IUserGrain>(DomainSilo.UniqueId()).Follow(b));

        Assert.Equal(["targetId", "targetId", "targetId", "id"], new[] { unknown.Field, self.Field, limit.Field, unknownActor.Field });
    }

    [Fact]
    public async Task Muted_words_topics_and_contacts_are_normalised_bounded_and_reach_the_viewer_context()
    {
        await using var cluster = await DomainSilo.StartAsync(configure: silo => silo.Configure<UserOptions>(o => o.MaxMutedWords = 2));
        var entities = new Entities(cluster.GrainFactory, DomainSilo.Start);
        var user = cluster.GrainFactory.GetGrain<IUserGrain>(await entities.UserAsync());

        await user.SetMutedWords([" Spoiler ", "spoiler", "Crypto"]);
        await user.SetFollowedTopics(["Football"]);
        await user.SetContacts(["AbC123"]);
        var tooMany = await Assert.ThrowsAsync<ValidationException>(() => user.SetMutedWords(["a", "b", "c"]));
        var empty = await Assert.ThrowsAsync<ValidationException>(() => user.SetMutedWords(["ok", " "]));

        var context = await user.GetViewerContext();
        Assert.Equal(["spoiler", "crypto"], context.MutedWords);
        Assert.Equal(["football"], context.FollowedTopics);
        Assert.Equal(("mutedWords", "mutedWords[1]"), (tooMany.Field, empty.Field));
    }
}
