using Recsys.Grains.Interfaces.Errors;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Tests.Support;

namespace Recsys.Grains.Tests.Posts;

[Trait("Category", "BVT")]
[Trait("Area", "Posts")]
public sealed class PostGrainTests
{
    [Fact]
    public async Task A_created_post_keeps_its_facts_and_is_recorded_with_its_author()
    {
        await using var cluster = await DomainSilo.StartAsync();
        var entities = new Entities(cluster.GrainFactory, DomainSilo.Start);
        var author = await entities.UserAsync();
        var parent = await entities.PostAsync(author);
        var id = DomainSilo.UniqueId();
        var record = new PostRecord(id, author, "hi @ada and @bob #Rust", DomainSilo.Start.AddMinutes(-1), "en", HasMedia: true,
            Links: ["https://example.org"], Hashtags: ["#Rust", "rust"], ReplyToId: parent, Labels: [PostLabel.Nsfw, PostLabel.Nsfw]);

        var created = await cluster.GrainFactory.GetGrain<IPostGrain>(id).Create(record);
        var again = await cluster.GrainFactory.GetGrain<IPostGrain>(id).Create(record);

        Assert.Equal((2, 1, 2, true, true), (created.MentionCount, created.LinkCount, created.HashtagCount, created.IsReply, created.HasMedia));
        Assert.Equal(["rust"], created.Hashtags);
        Assert.Equal([PostLabel.Nsfw], created.Labels);
        Assert.Equal(created, again);
        Assert.Equal(2, (await cluster.GrainFactory.GetGrain<IUserGrain>(author).GetProfile()).PostCount);
        var recent = await cluster.GrainFactory.GetGrain<IUserGrain>(author).GetRecentPosts(DomainSilo.Start.AddDays(-1), 10);
        Assert.Equal([id, parent], recent.Select(p => p.PostId));
    }

    [Fact]
    public async Task Invalid_posts_are_refused_naming_the_field_and_nothing_is_created()
    {
        await using var cluster = await DomainSilo.StartAsync();
        var entities = new Entities(cluster.GrainFactory, DomainSilo.Start);
        var author = await entities.UserAsync();
        var id = DomainSilo.UniqueId();
        var post = cluster.GrainFactory.GetGrain<IPostGrain>(id);
        var valid = new PostRecord(id, author, "fine", DomainSilo.Start, "en");

        var tooLong = await Assert.ThrowsAsync<ValidationException>(() => post.Create(valid with { Text = new string('x', 281) }));
        var future = await Assert.ThrowsAsync<ValidationException>(() => post.Create(valid with { CreatedAt = DomainSilo.Start.AddHours(1) }));
        var noAuthor = await Assert.ThrowsAsync<UnknownEntityException>(() => post.Create(valid with { AuthorId = DomainSilo.UniqueId() }));
        var noParent = await Assert.ThrowsAsync<UnknownEntityException>(() => post.Create(valid with { QuoteOfId = DomainSilo.UniqueId() }));
        var unknown = await Assert.ThrowsAsync<UnknownEntityException>(() => post.GetView());

        Assert.Equal(["text", "createdAt", "authorId", "quoteOfId", "id"], new[] { tooLong.Field, future.Field, noAuthor.Field, noParent.Field, unknown.Field });
        Assert.Null(await post.TryGetInfo());
        Assert.Equal(0, (await cluster.GrainFactory.GetGrain<IUserGrain>(author).GetProfile()).PostCount);
    }
}
