using Microsoft.Extensions.Options;
using Recsys.Grains.Ingestion;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Users;
using Recsys.Runtime;
using Recsys.Silo.Api.Contracts;

namespace Recsys.Silo.Api;

/// <summary>
/// POST /api/users (upsert), GET /api/users/{id} (public profile), PUT/DELETE /api/users/{id}/follows|blocks|mutes/{targetId},
/// PUT /api/users/{id}/muted-words, /contacts and /topics (JSON arrays of strings).
/// </summary>
public static class UserEndpoints
{
    private static readonly (string Route, Func<IUserGrain, long, Task<bool>> Add, Func<IUserGrain, long, Task<bool>> Remove)[] Relations =
    [
        ("follows", (u, t) => u.Follow(t), (u, t) => u.Unfollow(t)),
        ("blocks", (u, t) => u.Block(t), (u, t) => u.Unblock(t)),
        ("mutes", (u, t) => u.Mute(t), (u, t) => u.Unmute(t)),
    ];

    public static void MapUsers(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").AddEndpointFilter<DomainErrorFilter>();
        users.MapPost("", UpsertAsync);
        users.MapGet("/{id}", (string id, IGrainFactory grains) => WithId(id, "id", async user => Results.Ok(await grains.GetGrain<IUserGrain>(user).GetProfile())));
        foreach (var (route, add, remove) in Relations)
        {
            users.MapPut($"/{{id}}/{route}/{{targetId}}", (string id, string targetId, IGrainFactory grains) => RelationAsync(grains, id, targetId, add));
            users.MapDelete($"/{{id}}/{route}/{{targetId}}", (string id, string targetId, IGrainFactory grains) => RelationAsync(grains, id, targetId, remove));
        }

        users.MapPut("/{id}/muted-words", (string id, HttpRequest request, IGrainFactory grains) => ListAsync(id, request, (u, l) => grains.GetGrain<IUserGrain>(u).SetMutedWords(l)));
        users.MapPut("/{id}/contacts", (string id, HttpRequest request, IGrainFactory grains) => ListAsync(id, request, (u, l) => grains.GetGrain<IUserGrain>(u).SetContacts(l)));
        users.MapPut("/{id}/topics", (string id, HttpRequest request, IGrainFactory grains) => ListAsync(id, request, (u, l) => grains.GetGrain<IUserGrain>(u).SetFollowedTopics(l)));
    }

    private static async Task<IResult> UpsertAsync(HttpRequest request, IGrainFactory grains, TimeProvider time, IOptions<IngestionOptions> ingestion)
    {
        var (body, problem) = await JsonBody.ReadAsync<UserRequest>(request);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Missing() is { Count: > 0 } missing)
        {
            return ApiProblems.Fields(missing);
        }

        var profile = body.ToProfile(time.GetUtcNow());
        if (UserProfileValidator.Validate(profile, time.GetUtcNow(), ingestion.Value.MaxClockSkew) is { Count: > 0 } problems)
        {
            return ApiProblems.Fields(problems);
        }

        return Results.Ok(await grains.GetGrain<IUserGrain>(profile.Id).Upsert(profile));
    }

    private static Task<IResult> RelationAsync(IGrainFactory grains, string id, string targetId, Func<IUserGrain, long, Task<bool>> change) =>
        WithId(id, "id", user => WithId(targetId, "targetId", async target =>
            Results.Ok(new RelationResponse(await change(grains.GetGrain<IUserGrain>(user), target)))));

    private static Task<IResult> ListAsync(string id, HttpRequest request, Func<long, IReadOnlyList<string>, Task> set) =>
        WithId(id, "id", async user =>
        {
            var (list, problem) = await JsonBody.ReadAsync<List<string>>(request);
            if (problem is not null)
            {
                return problem;
            }

            await set(user, list!);
            return Results.NoContent();
        });

    private static async Task<IResult> WithId(string text, string field, Func<long, Task<IResult>> then) =>
        RouteIds.TryParse(text, field, out var id, out var problem) ? await then(id) : problem!;
}
