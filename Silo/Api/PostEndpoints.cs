using Microsoft.Extensions.Options;
using Recsys.Grains.Ingestion;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Posts;
using Recsys.Runtime;
using Recsys.Silo.Api.Contracts;

namespace Recsys.Silo.Api;

/// <summary>POST /api/posts (creates a post and fans it out; creating it again returns it) and GET /api/posts/{id} (with its engagement aggregates).</summary>
public static class PostEndpoints
{
    public static void MapPosts(this IEndpointRouteBuilder app)
    {
        var posts = app.MapGroup("/api/posts").AddEndpointFilter<DomainErrorFilter>();
        posts.MapPost("", CreateAsync);
        posts.MapGet("/{id}", async (string id, IGrainFactory grains) =>
            RouteIds.TryParse(id, "id", out var post, out var problem) ? Results.Ok(await grains.GetGrain<IPostGrain>(post).GetView()) : problem!);
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, IGrainFactory grains, TimeProvider time,
        IOptions<PostOptions> options, IOptions<IngestionOptions> ingestion)
    {
        var (body, problem) = await JsonBody.ReadAsync<PostRequest>(request);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Missing() is { Count: > 0 } missing)
        {
            return ApiProblems.Fields(missing);
        }

        var post = body.ToRecord(time.GetUtcNow());
        if (PostRecordValidator.Validate(post, options.Value, time.GetUtcNow(), ingestion.Value.MaxClockSkew) is { Count: > 0 } problems)
        {
            return ApiProblems.Fields(problems);
        }

        return Results.Ok(await grains.GetGrain<IPostGrain>(post.Id).Create(post));
    }
}
