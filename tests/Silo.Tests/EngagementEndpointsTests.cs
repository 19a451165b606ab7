using System.Net;
using Recsys.Silo.Tests.Support;

namespace Recsys.Silo.Tests;

[Trait("Category", "Functional")]
[Trait("Area", "Api")]
public sealed class EngagementEndpointsTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private ApiHost Host => fixture.Host;

    [Fact]
    public async Task Accepted_events_are_counted_and_rejected_ones_are_listed_by_index_and_field()
    {
        var (author, fan) = (await Host.CreateUserAsync(), await Host.CreateUserAsync());
        var post = await Host.CreatePostAsync(author);
        var id = Guid.NewGuid().ToString("N");

        var response = await Host.PostAsync("/api/engagements", new
        {
            events = new object[]
            {
                new { id, userId = fan, action = "like", postId = post, time = TestApi.Now(-1) },
                new { id = id + "b", userId = fan, action = "profile_click", postId = post, time = TestApi.Now(-1) },
                new { id = id + "c", userId = fan, action = "liked", postId = post, time = TestApi.Now(-1) },
                new { id = id + "d", userId = TestApi.UniqueId(), action = "like", postId = post, time = TestApi.Now(-1) },
                new { id = id + "e", userId = fan, action = "like", postId = TestApi.UniqueId(), time = TestApi.Now(-1) },
                new { id = id + "f", userId = fan, action = "like", postId = post, time = TestApi.Now(60) },
                new { id = id + "g", userId = fan, action = "like", postId = post, time = "yesterday" },
                new { id, userId = fan, action = "like", postId = post, time = TestApi.Now(-1) },
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal((2, 1), (body.GetProperty("accepted").GetInt32(), body.GetProperty("duplicates").GetInt32()));
        var rejected = body.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("index").GetInt32(), r.GetProperty("field").GetString())).ToArray();
        Assert.Equal([(2, "events[2].action"), (3, "events[3].userId"), (4, "events[4].postId"), (5, "events[5].time"), (6, "events[6].time")], rejected);
        var actions = (await (await Host.Client.GetAsync($"/api/posts/{post}")).JsonAsync()).GetProperty("engagements").GetProperty("actions");
        Assert.Equal(["profile_click", "like"], actions.EnumerateArray().Select(a => a.GetProperty("action").GetString()).Order().Reverse());
    }

    [Fact]
    public async Task A_repeated_event_id_in_a_later_request_is_not_counted_again()
    {
        var (author, fan) = (await Host.CreateUserAsync(), await Host.CreateUserAsync());
        var post = await Host.CreatePostAsync(author);
        var like = new { events = new[] { new { id = Guid.NewGuid().ToString("N"), userId = fan, action = "like", postId = post, time = TestApi.Now(-1) } } };

        var first = await (await Host.PostAsync("/api/engagements", like)).JsonAsync();
        var second = await (await Host.PostAsync("/api/engagements", like)).JsonAsync();

        Assert.Equal((1, 0), (first.GetProperty("accepted").GetInt32(), second.GetProperty("accepted").GetInt32()));
        var likes = (await (await Host.Client.GetAsync($"/api/posts/{post}")).JsonAsync()).GetProperty("engagements").GetProperty("actions")[0];
        Assert.Equal(1, likes.GetProperty("total").GetSingle());
    }

    [Fact]
    public async Task Malformed_json_a_missing_list_and_more_than_ten_thousand_events_are_refused_whole()
    {
        var fan = await Host.CreateUserAsync();
        var tooMany = Enumerable.Range(0, 10_001).Select(i => new { id = $"{fan}-{i}", userId = fan, action = "login", time = TestApi.Now(-1) }).ToArray();

        await (await Host.PostRawAsync("/api/engagements", "{\"events\": [ {\"id\": \"x\", ")).AssertFieldProblemAsync("events[0]");
        await (await Host.PostRawAsync("/api/engagements", "{}")).AssertFieldProblemAsync("events");
        Assert.Contains("10000", await (await Host.PostAsync("/api/engagements", new { events = tooMany })).AssertFieldProblemAsync("events"));
        var user = await (await Host.Client.GetAsync($"/api/admin/grains/user/{fan}")).JsonAsync();
        Assert.Equal(0, user.GetProperty("live").GetProperty("appliedRuns").GetInt32()); // nothing of a refused request was applied
    }
}
