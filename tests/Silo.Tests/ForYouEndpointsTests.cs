using System.Net;
using System.Text.Json;
using Recsys.Silo.Tests.Support;

namespace Recsys.Silo.Tests;

[Trait("Category", "Functional")]
[Trait("Area", "Api")]
public sealed class ForYouEndpointsTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_followees_post_comes_back_explained_with_its_source_and_the_next_page_is_empty()
    {
        var (viewer, author) = (await _host.CreateUserAsync(), await _host.CreateUserAsync());
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.PutAsync($"/api/users/{viewer}/follows/{author}", null)).StatusCode);
        var post = await _host.CreatePostAsync(author);

        var response = await _host.Client.GetAsync($"/api/users/{viewer}/for-you?count=10&explain=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.JsonAsync();
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(post, item.GetProperty("postId").GetInt64());
        Assert.Equal(author, item.GetProperty("authorId").GetInt64());
        Assert.Equal("InNetwork", item.GetProperty("source").GetString());
        Assert.True(item.GetProperty("inNetwork").GetBoolean());
        Assert.Empty(item.GetProperty("socialProof").EnumerateArray());
        Assert.True(item.GetProperty("score").GetDouble() > 0);
        var explain = item.GetProperty("explain");
        Assert.Equal("default-v0", explain.GetProperty("modelVersions").GetProperty("heavy-ranker").GetString());
        Assert.Equal(10, explain.GetProperty("heads").EnumerateObject().Count());
        var cursor = page.GetProperty("cursor").GetString();
        var next = await (await _host.Client.GetAsync($"/api/users/{viewer}/for-you?cursor={cursor}")).JsonAsync();
        Assert.Empty(next.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, next.GetProperty("cursor").ValueKind);
    }

    [Fact]
    public async Task Bad_parameters_and_unknown_viewers_are_400_problem_details_naming_the_field()
    {
        var viewer = await _host.CreateUserAsync();

        await (await _host.Client.GetAsync($"/api/users/{viewer}/for-you?count=many")).AssertFieldProblemAsync("count");
        await (await _host.Client.GetAsync($"/api/users/{viewer}/for-you?count=0")).AssertFieldProblemAsync("count");
        await (await _host.Client.GetAsync($"/api/users/{viewer}/for-you?cursor=nope")).AssertFieldProblemAsync("cursor");
        await (await _host.Client.GetAsync($"/api/users/{viewer}/for-you?explain=maybe")).AssertFieldProblemAsync("explain");
        await (await _host.Client.GetAsync("/api/users/abc/for-you")).AssertFieldProblemAsync("id");
        Assert.Contains("unknown user", await (await _host.Client.GetAsync($"/api/users/{TestApi.UniqueId()}/for-you")).AssertFieldProblemAsync("id"));
    }
}
