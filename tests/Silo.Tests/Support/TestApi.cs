using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Recsys.Silo.Api;

namespace Recsys.Silo.Tests.Support;

/// <summary>Small helpers over the API: unique ids, creating users and posts, reading problem details.</summary>
public static class TestApi
{
    public static long UniqueId() => Random.Shared.NextInt64(1_000_000, long.MaxValue / 2);

    public static string Now(int minutes = 0) => DateTimeOffset.UtcNow.AddMinutes(minutes).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    public static async Task<long> CreateUserAsync(this ApiHost host)
    {
        var id = UniqueId();
        var response = await host.PostAsync("/api/users", new { id, handle = "u" + (id % 100_000_000), language = "en", country = "US", signupTime = Now(-60 * 24 * 90) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return id;
    }

    public static async Task<long> CreatePostAsync(this ApiHost host, long authorId)
    {
        var id = UniqueId();
        var response = await host.PostAsync("/api/posts", new { id, authorId, text = "hello from the API", createdAt = Now(-5), language = "en" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return id;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(ApiJson.Options);

    /// <summary>Asserts a 400 problem details whose "errors" map names <paramref name="field"/>; returns the message.</summary>
    public static async Task<string> AssertFieldProblemAsync(this HttpResponseMessage response, string field)
    {
        var errors = await ProblemFieldsAsync(response);
        Assert.True(errors.TryGetValue(field, out var message), $"errors name {string.Join(", ", errors.Keys)}, not {field}");
        return message!;
    }

    /// <summary>Asserts a 400 problem details; returns its "errors" map (field to first message).</summary>
    public static async Task<Dictionary<string, string>> ProblemFieldsAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        return body.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString()!);
    }
}
