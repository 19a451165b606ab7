using Recsys.Grains.Interfaces.Timeline;
using Recsys.Runtime;

namespace Recsys.Client;

/// <summary>The For You timeline from a client: one call through any gateway to the viewer's Timeline grain.</summary>
public static class TimelineClientExtensions
{
    /// <summary>
    /// A page of <paramref name="viewerId"/>'s For You timeline: no cursor for a fresh one, the previous page's
    /// cursor for the next page; <paramref name="explain"/> adds each item's explanation and the request's stats.
    /// </summary>
    public static Task<ForYouPage> GetForYouAsync(this ClusterClient client, long viewerId, int count = ForYouRequest.DefaultCount,
        string? cursor = null, bool explain = false) =>
        client.GrainFactory.GetForYouAsync(viewerId, count, cursor, explain);

    public static Task<ForYouPage> GetForYouAsync(this IGrainFactory grains, long viewerId, int count = ForYouRequest.DefaultCount,
        string? cursor = null, bool explain = false) =>
        grains.GetGrain<ITimelineGrain>(viewerId).GetForYou(new ForYouRequest(count, cursor, explain));
}
