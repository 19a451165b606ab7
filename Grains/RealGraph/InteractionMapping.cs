using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.RealGraph;

/// <summary>
/// Which RealGraph interaction an engagement is, toward whom, and how much it adds. Follows and unfollows are not
/// mapped here: the social graph records them when the relation actually changes (the API routes, imports and
/// logged follow events all go through it), so each counts once. Impressions, unlikes, logins, bookmarks,
/// "not interested" and notification dismissals are not among the published edge features and count nothing.
/// </summary>
public static class InteractionMapping
{
    public static InteractionType? TypeOf(EngagementAction action) => action switch
    {
        EngagementAction.Like => InteractionType.Favorites,
        EngagementAction.Repost => InteractionType.Retweets,
        EngagementAction.Reply => InteractionType.Replies,
        EngagementAction.Quote => InteractionType.Quotes,
        EngagementAction.Mention => InteractionType.Mentions,
        EngagementAction.Click => InteractionType.TweetClicks,
        EngagementAction.ProfileClick or EngagementAction.ProfileView => InteractionType.ProfileViews,
        EngagementAction.Share => InteractionType.Shares,
        EngagementAction.Dwell => InteractionType.DwellSeconds,
        EngagementAction.PhotoExpand or EngagementAction.VideoView => InteractionType.InspectedStatuses,
        EngagementAction.NotificationOpen => InteractionType.PushOpens,
        EngagementAction.Mute => InteractionType.Mutes,
        EngagementAction.Block => InteractionType.Blocks,
        EngagementAction.Report => InteractionType.Reports,
        _ => null,
    };

    /// <summary>The (destination, type, amount) an engagement adds to its actor's RealGraph, or null when it adds nothing.</summary>
    public static (long Destination, InteractionType Type, double Amount)? Of(LoggedEngagement e)
    {
        if ((e.SubjectId ?? e.TargetUserId) is not { } destination || destination == e.UserId || TypeOf(e.Action) is not { } type)
        {
            return null;
        }

        // dwell values are milliseconds; every other action counts one
        var amount = type == InteractionType.DwellSeconds ? (e.Value ?? 0) / 1000.0 : 1.0;
        return (destination, type, amount);
    }
}
