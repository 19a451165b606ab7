namespace Recsys.Grains.RealGraph;

/// <summary>
/// The interaction types RealGraph counts per edge: the ones of the published 41 edge features
/// (algorithm.md section 3, InteractionGraphAggregationJob) that our engagement actions can observe.
/// </summary>
public enum InteractionType
{
    Follows,
    Favorites,
    TweetClicks,
    ProfileViews,
    Retweets,
    Replies,
    Quotes,
    Mentions,
    Shares,

    /// <summary>Total dwell time, in seconds (the only type that is not a count).</summary>
    DwellSeconds,

    /// <summary>Photo expands and video views: the published "inspected statuses".</summary>
    InspectedStatuses,

    /// <summary>Notification opens about the user (the published "push opens").</summary>
    PushOpens,
    Unfollows,
    Mutes,
    Blocks,

    /// <summary>Reports of the user (the published report-as-abuse and report-as-spam, which we do not tell apart).</summary>
    Reports,
}
