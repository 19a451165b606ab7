using System.Net;
using Recsys.Silo.Tests.Support;

namespace Recsys.Silo.Tests;

[Trait("Category", "Functional")]
[Trait("Area", "Admin")]
public sealed class AdminEndpointsTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private ApiHost Host => fixture.Host;

    [Fact]
    public async Task A_grains_stored_state_and_live_summary_are_shown()
    {
        var (author, follower) = (await Host.CreateUserAsync(), await Host.CreateUserAsync());
        await Host.Client.PutAsync($"/api/users/{follower}/follows/{author}", null);
        var post = await Host.CreatePostAsync(author);

        var user = await (await Host.Client.GetAsync($"/api/admin/grains/user/{follower}")).JsonAsync();
        var followers = await (await Host.Client.GetAsync($"/api/admin/grains/followers/{author}?live=false")).JsonAsync();

        var stored = user.GetProperty("stored")[0];
        Assert.Equal("user", stored.GetProperty("name").GetString());
        Assert.Equal(author.ToString(), stored.GetProperty("state").GetProperty("social").GetProperty("follows").GetProperty("present").EnumerateObject().Single().Name);
        Assert.Equal(post, user.GetProperty("live").GetProperty("inbox").GetProperty("newest")[0].GetProperty("postId").GetInt64());
        Assert.Equal(follower, followers.GetProperty("stored")[0].GetProperty("state").GetProperty("ids")[0].GetInt64());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, followers.GetProperty("live").ValueKind);
    }

    [Fact]
    public async Task Unknown_grain_types_and_keys_of_the_wrong_kind_are_400_naming_the_field()
    {
        Assert.Contains("user", await (await Host.Client.GetAsync("/api/admin/grains/nothing/1")).AssertFieldProblemAsync("type"));
        await (await Host.Client.GetAsync("/api/admin/grains/user/abc")).AssertFieldProblemAsync("key");
    }

    [Fact]
    public async Task Jobs_start_by_name_are_read_by_id_and_unknown_names_list_the_known_ones()
    {
        var started = await Host.Client.PostAsync("/api/admin/jobs/prune-engagement-log", null);
        var run = await started.JsonAsync();
        var read = await (await Host.Client.GetAsync($"/api/admin/jobs/{run.GetProperty("id").GetInt64()}")).JsonAsync();
        var list = await (await Host.Client.GetAsync("/api/admin/jobs")).JsonAsync();

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal($"/api/admin/jobs/{run.GetProperty("id").GetInt64()}", started.Headers.Location?.ToString());
        Assert.Equal("prune-engagement-log", read.GetProperty("name").GetString());
        Assert.Contains(read.GetProperty("status").GetString(), new[] { "queued", "running", "succeeded" });
        Assert.Contains("load-sample", list.GetProperty("jobs").EnumerateArray().Select(j => j.GetString()));
        Assert.Contains("load-sample", await (await Host.Client.PostAsync("/api/admin/jobs/no-such-job", null)).AssertFieldProblemAsync("name"));
        await (await Host.Client.GetAsync("/api/admin/jobs/999999")).AssertFieldProblemAsync("id");
        await (await Host.PostRawAsync("/api/admin/jobs/load-sample", "[1]")).AssertFieldProblemAsync("body");
    }

    [Fact]
    public async Task Health_answers_ok()
    {
        var health = await (await Host.Client.GetAsync("/api/health")).JsonAsync();

        Assert.Equal("ok", health.GetProperty("status").GetString());
    }
}
