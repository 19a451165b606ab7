using System.Net;
using System.Net.Http.Json;
using Recsys.Silo.Api;
using Recsys.Silo.Tests.Support;

namespace Recsys.Silo.Tests;

[Trait("Category", "Functional")]
[Trait("Area", "Api")]
public sealed class UserEndpointsTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private ApiHost Host => fixture.Host;

    [Fact]
    public async Task A_posted_user_is_read_back_as_camel_case_json_with_utc_times()
    {
        var id = TestApi.UniqueId();
        var posted = await Host.PostAsync("/api/users", new { id, handle = "grace_h", language = "en", country = "US", signupTime = "2024-05-01T10:00:00+02:00", verified = true, client = "android" });
        var read = await Host.Client.GetAsync($"/api/users/{id}");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var user = await read.JsonAsync();
        Assert.Equal(id, user.GetProperty("id").GetInt64());
        Assert.Equal("grace_h", user.GetProperty("handle").GetString());
        Assert.Equal("2024-05-01T08:00:00Z", user.GetProperty("signupTime").GetString());
        Assert.True(user.GetProperty("verified").GetBoolean());
        Assert.Equal("nearZero", user.GetProperty("state").GetString());
        Assert.False(user.TryGetProperty("client", out _)); // the public profile leaves private settings out
    }

    [Fact]
    public async Task Invalid_and_unknown_users_are_400_problem_details_naming_each_field()
    {
        var invalid = await Host.PostAsync("/api/users", new { id = TestApi.UniqueId(), handle = "has space", language = "English", signupTime = TestApi.Now(60) });
        var missing = await Host.PostAsync("/api/users", new { handle = "x" });
        var badEnum = await Host.PostRawAsync("/api/users", $$"""{"id":{{TestApi.UniqueId()}},"handle":"x","language":"en","client":"fax"}""");

        var fields = await invalid.ProblemFieldsAsync();
        Assert.Equal(["handle", "language", "signupTime"], fields.Keys.Order());
        Assert.Contains("letters", fields["handle"]);
        await missing.AssertFieldProblemAsync("id");
        await badEnum.AssertFieldProblemAsync("client");
        Assert.Contains("unknown user", await (await Host.Client.GetAsync($"/api/users/{TestApi.UniqueId()}")).AssertFieldProblemAsync("id"));
        await (await Host.Client.GetAsync("/api/users/not-a-number")).AssertFieldProblemAsync("id");
    }

    [Fact]
    public async Task Follows_blocks_and_mutes_are_put_and_deleted_and_unknown_targets_are_named()
    {
        var (a, b) = (await Host.CreateUserAsync(), await Host.CreateUserAsync());

        var follow = await Host.Client.PutAsync($"/api/users/{a}/follows/{b}", null);
        var again = await Host.Client.PutAsync($"/api/users/{a}/follows/{b}", null);
        var followers = (await (await Host.Client.GetAsync($"/api/users/{b}")).JsonAsync()).GetProperty("followerCount").GetInt64();
        var mute = await Host.Client.PutAsync($"/api/users/{a}/mutes/{b}", null);
        var unmute = await Host.Client.DeleteAsync($"/api/users/{a}/mutes/{b}");
        var block = await Host.Client.PutAsync($"/api/users/{a}/blocks/{b}", null);
        var unknown = await Host.Client.PutAsync($"/api/users/{a}/follows/{TestApi.UniqueId()}", null);

        Assert.True((await follow.JsonAsync()).GetProperty("changed").GetBoolean());
        Assert.False((await again.JsonAsync()).GetProperty("changed").GetBoolean());
        Assert.Equal(1, followers);
        Assert.True((await mute.JsonAsync()).GetProperty("changed").GetBoolean());
        Assert.True((await unmute.JsonAsync()).GetProperty("changed").GetBoolean());
        Assert.True((await block.JsonAsync()).GetProperty("changed").GetBoolean());
        Assert.Equal(0, (await (await Host.Client.GetAsync($"/api/users/{b}")).JsonAsync()).GetProperty("followerCount").GetInt64());
        await unknown.AssertFieldProblemAsync("targetId");
    }

    [Fact]
    public async Task Muted_words_and_contacts_take_json_arrays()
    {
        var id = await Host.CreateUserAsync();

        var words = await Host.Client.PutAsJsonAsync($"/api/users/{id}/muted-words", new[] { "Spoilers", "crypto" }, ApiJson.Options);
        var contacts = await Host.Client.PutAsJsonAsync($"/api/users/{id}/contacts", new[] { "3f2a9c", "77be01" }, ApiJson.Options);
        var notAnArray = await Host.Client.PutAsync($"/api/users/{id}/muted-words", new StringContent("{\"words\":1}", System.Text.Encoding.UTF8, "application/json"));
        var blank = await Host.Client.PutAsJsonAsync($"/api/users/{id}/muted-words", new[] { "ok", "" }, ApiJson.Options);

        Assert.Equal(HttpStatusCode.NoContent, words.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, contacts.StatusCode);
        await notAnArray.AssertFieldProblemAsync("body");
        await blank.AssertFieldProblemAsync("mutedWords[1]");
    }
}
