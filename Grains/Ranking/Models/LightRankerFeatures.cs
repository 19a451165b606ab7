using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Ranking.Candidates;

namespace Recsys.Grains.Ranking.Models;

/// <summary>
/// The light ranker's inputs: what a candidate carries from its source, before any hydration (the Earlybird
/// feature families of algorithm.md 1.9: engagement counts, the author-specific score, reply/retweet/media flags,
/// age). Counts are raw; the model file says how each is transformed.
/// </summary>
public static class LightRankerFeatures
{
    public static readonly IReadOnlyList<string> Names =
    [
        "favorites", "retweets", "replies", "clicks", "profile_clicks", "photo_expands", "video_playback50",
        "author_score", "similarity", "source_weight", "is_reply", "is_repost", "has_media", "age_hours",
    ];

    public static int Count => Names.Count;

    public static void Extract(Candidate c, DateTimeOffset now, Span<double> x)
    {
        var e = c.Signals.Engagements;
        x[0] = e.Likes;
        x[1] = e.Reposts;
        x[2] = e.Replies;
        x[3] = e.Clicks;
        x[4] = e.ProfileClicks;
        x[5] = e.PhotoExpands;
        x[6] = e.VideoViews;
        x[7] = c.Signals.RealGraph > 0 ? RealGraphScale.ToTimelineWeight(c.Signals.RealGraph) : 0;
        x[8] = c.Signals.Similarity;
        x[9] = c.Signals.SourceWeight;
        x[10] = c.ReplyToId is null ? 0 : 1;
        x[11] = c.IsRepost ? 1 : 0;
        x[12] = c.HasMedia ? 1 : 0;
        x[13] = Math.Clamp((now - c.CreatedAt).TotalHours, 0, 72);
    }
}
