using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Ranking.Candidates;

/// <summary>
/// Engagement counts by the labels the rankers use (algorithm.md 1.5 and 1.9). Negative is the sum of "not
/// interested", report, mute and block; Clicks counts post clicks, OpenLinks link clicks are not tracked separately.
/// </summary>
public readonly record struct EngagementCounts(
    double Likes,
    double Reposts,
    double Replies,
    double Quotes,
    double Clicks,
    double ProfileClicks,
    double PhotoExpands,
    double VideoViews,
    double Dwells,
    double Shares,
    double Bookmarks,
    double Impressions,
    double Negative)
{
    public static readonly EngagementCounts Zero = default;

    /// <summary>Counts from a post's decayed action counts (hydration).</summary>
    public static EngagementCounts From(IReadOnlyList<ActionCount> counts)
    {
        var result = Zero;
        foreach (var (action, count) in counts)
        {
            result = result.Add(action, count);
        }

        return result;
    }

    /// <summary>Adds <paramref name="count"/> engagements of <paramref name="action"/> (the social-graph source counts followees' engagements one by one).</summary>
    public EngagementCounts Add(EngagementAction action, double count = 1) => action switch
    {
        EngagementAction.Like => this with { Likes = Likes + count },
        EngagementAction.Repost => this with { Reposts = Reposts + count },
        EngagementAction.Reply => this with { Replies = Replies + count },
        EngagementAction.Quote => this with { Quotes = Quotes + count },
        EngagementAction.Click => this with { Clicks = Clicks + count },
        EngagementAction.ProfileClick => this with { ProfileClicks = ProfileClicks + count },
        EngagementAction.PhotoExpand => this with { PhotoExpands = PhotoExpands + count },
        EngagementAction.VideoView => this with { VideoViews = VideoViews + count },
        EngagementAction.Dwell => this with { Dwells = Dwells + count },
        EngagementAction.Share => this with { Shares = Shares + count },
        EngagementAction.Bookmark => this with { Bookmarks = Bookmarks + count },
        EngagementAction.Impression => this with { Impressions = Impressions + count },
        EngagementAction.NotInterested or EngagementAction.Report or EngagementAction.Mute or EngagementAction.Block => this with { Negative = Negative + count },
        _ => this,
    };
}
