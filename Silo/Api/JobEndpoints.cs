using Recsys.Grains.Interfaces.Admin;
using Recsys.Runtime;
using Recsys.Silo.Api.Contracts;

namespace Recsys.Silo.Api;

/// <summary>
/// POST /api/admin/jobs/{name} (optional JSON object of string arguments) starts a job and answers 202 with the run;
/// GET /api/admin/jobs/{id} reads a run; GET /api/admin/jobs lists the job names and recent runs.
/// </summary>
public static class JobEndpoints
{
    public static void MapJobs(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/admin/jobs").AddEndpointFilter<DomainErrorFilter>();
        jobs.MapPost("/{name}", StartAsync);
        jobs.MapGet("/{id}", async (string id, IGrainFactory grains) =>
            RouteIds.TryParse(id, "id", out var run, out var problem) ? Results.Ok(await Jobs(grains).Get(run)) : problem!);
        jobs.MapGet("", async (IGrainFactory grains) => Results.Ok(new JobsResponse(await Jobs(grains).GetJobNames(), await Jobs(grains).List())));
    }

    private static async Task<IResult> StartAsync(string name, HttpRequest request, IGrainFactory grains)
    {
        IReadOnlyDictionary<string, string> arguments = new Dictionary<string, string>();
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var (body, problem) = await JsonBody.ReadAsync<Dictionary<string, string>>(request);
            if (problem is not null)
            {
                return problem;
            }

            arguments = body!;
        }

        var run = await Jobs(grains).Start(name, arguments);
        return Results.Accepted($"/api/admin/jobs/{run.Id}", run);
    }

    private static IJobsGrain Jobs(IGrainFactory grains) => grains.GetGrain<IJobsGrain>(0);
}
