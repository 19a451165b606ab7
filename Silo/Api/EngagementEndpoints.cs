using Microsoft.Extensions.Options;
using Recsys.Grains.Ingestion;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Runtime;
using Recsys.Silo.Api.Contracts;

namespace Recsys.Silo.Api;

/// <summary>
/// POST /api/engagements {events: [...]}: malformed JSON or more than 10,000 events is a 400 for the whole request;
/// otherwise 200 with {accepted, duplicates, rejected: [{index, field, error}]}. Accepted events are durably logged
/// before the answer; a repeated event id is counted once.
/// </summary>
public static class EngagementEndpoints
{
    public static void MapEngagements(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/engagements", IngestAsync).AddEndpointFilter<DomainErrorFilter>();

    private static async Task<IResult> IngestAsync(HttpRequest request, IGrainFactory grains, IOptions<IngestionOptions> options)
    {
        var (body, problem) = await JsonBody.ReadAsync<EngagementsRequest>(request);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Events is not { } items)
        {
            return ApiProblems.Field("events", "is required");
        }

        if (items.Count > options.Value.MaxBatchEvents)
        {
            return ApiProblems.Field("events", $"must have at most {options.Value.MaxBatchEvents} events (got {items.Count})");
        }

        var rejected = new List<RejectedItem>();
        var events = new List<EngagementEvent>(items.Count);
        var indexes = new List<int>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var (engagement, field, error) = items[i]?.ToEvent() ?? (null, "", "must be an object");
            if (engagement is null)
            {
                rejected.Add(new RejectedItem(i, field!.Length == 0 ? $"events[{i}]" : $"events[{i}].{field}", error!));
                continue;
            }

            events.Add(engagement);
            indexes.Add(i);
        }

        var result = await grains.GetGrain<IEngagementIngestGrain>(0).Ingest(events);

        // The grain numbers events within what it was given; map back to the request's indexes.
        rejected.AddRange(result.Rejected.Select(r => new RejectedItem(indexes[r.Index],
            $"events[{indexes[r.Index]}]" + r.Field[(r.Field.IndexOf(']') + 1)..], r.Error)));
        return Results.Ok(new EngagementsResponse(result.Accepted, result.Duplicates, rejected.OrderBy(r => r.Index).ToArray()));
    }
}
