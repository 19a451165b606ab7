using System.Globalization;
using Recsys.Grains.Interfaces.Timeline;
using Recsys.Runtime;

namespace Recsys.Silo.Api;

/// <summary>
/// GET /api/users/{id}/for-you?count=&amp;cursor=&amp;explain= : a page of the viewer's For You timeline (default 35
/// items), the cursor of the next page, and with explain=true each item's explanation and the request's stats.
/// A bad id, count, cursor or explain is a 400 naming it; an unknown viewer is a 400 naming "id".
/// </summary>
public static class ForYouEndpoints
{
    public static void MapForYou(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/users/{id}/for-you", GetAsync).AddEndpointFilter<DomainErrorFilter>();

    private static async Task<IResult> GetAsync(string id, HttpRequest request, IGrainFactory grains)
    {
        if (!RouteIds.TryParse(id, "id", out var viewer, out var problem))
        {
            return problem!;
        }

        var query = request.Query;
        var count = ForYouRequest.DefaultCount;
        if (query.TryGetValue("count", out var countText)
            && !int.TryParse(countText.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out count))
        {
            return ApiProblems.Field("count", $"'{countText}' is not an integer");
        }

        var explain = false;
        if (query.TryGetValue("explain", out var explainText) && !TryParseFlag(explainText.ToString(), out explain))
        {
            return ApiProblems.Field("explain", $"'{explainText}' is not true or false");
        }

        var cursor = query.TryGetValue("cursor", out var cursorText) && cursorText.ToString().Length > 0 ? cursorText.ToString() : null;
        return Results.Ok(await grains.GetGrain<ITimelineGrain>(viewer).GetForYou(new ForYouRequest(count, cursor, explain)));
    }

    private static bool TryParseFlag(string text, out bool value)
    {
        value = text is "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase);
        return value || text is "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase);
    }
}
