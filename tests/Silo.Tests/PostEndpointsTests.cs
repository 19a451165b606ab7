using System.Net;
using Recsys.Silo.Tests.Support;

namespace Recsys.Silo.Tests;

[Trait("Category", "Functional")]
[Trait("Area", "Api")]
public sealed class PostEndpointsTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private ApiHost Host => fixture.Host;

    [Fact]
    public async Task A_posted_post_is_read_back_with_its_features_and_engagements()
    {
        var author = await Host.CreateUserAsync();
        var id = TestApi.UniqueId();

        var created = await Host.PostAsync("/api/posts", new
        {
            id, authorId = author, text = "new release of the #compiler @someone", createdAt = "2026-01-05T09:30:00Z", language = "en",
            hasMedia = true, links = new[] { "https://example.org/notes" }, hashtags = new[] { "compiler" }, labels = new[] { "nsfw" },
        });
        var read = await (await Host.Client.GetAsync($"/api/posts/{id}")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var post = read.GetProperty("post");
        Assert.Equal(author, post.GetProperty("authorId").GetInt64());
        Assert.Equal("2026-01-05T09:30:00Z", post.GetProperty("createdAt").GetString());
        Assert.Equal((1, 1, 1), (post.GetProperty("linkCount").GetInt32(), post.GetProperty("hashtagCount").GetInt32(), post.GetProperty("mentionCount").GetInt32()));
        Assert.Equal("nsfw", post.GetProperty("labels")[0].GetString());
        Assert.Equal(0, read.GetProperty("engagements").GetProperty("actions").GetArrayLength());
    }

    [Fact]
    public async Task Oversized_text_unknown_authors_parents_and_posts_are_400_naming_the_field()
    {
        var author = await Host.CreateUserAsync();

        var tooLong = await Host.PostAsync("/api/posts", new { id = TestApi.UniqueId(), authorId = author, text = new string('a', 281), language = "en" });
        var noAuthor = await Host.PostAsync("/api/posts", new { id = TestApi.UniqueId(), authorId = TestApi.UniqueId(), text = "hi", language = "en" });
        var noParent = await Host.PostAsync("/api/posts", new { id = TestApi.UniqueId(), authorId = author, text = "hi", language = "en", replyToId = TestApi.UniqueId() });
        var malformed = await Host.PostRawAsync("/api/posts", "{\"id\": 1, \"text\": ");

        Assert.Contains("280", await tooLong.AssertFieldProblemAsync("text"));
        Assert.Contains("unknown user", await noAuthor.AssertFieldProblemAsync("authorId"));
        Assert.Contains("unknown post", await noParent.AssertFieldProblemAsync("replyToId"));
        await malformed.AssertFieldProblemAsync("text");
        await (await Host.Client.GetAsync($"/api/posts/{TestApi.UniqueId()}")).AssertFieldProblemAsync("id");
    }
}
