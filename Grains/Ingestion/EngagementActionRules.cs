using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Ingestion;

/// <summary>What an action must name: a post, a user, either, or nothing.</summary>
public enum EngagementTargetRule
{
    /// <summary>postId required (the subject is the post's author); targetUserId not allowed.</summary>
    Post,

    /// <summary>targetUserId required, another user; postId optional context.</summary>
    User,

    /// <summary>postId or targetUserId (or both: the target user is the subject).</summary>
    PostOrUser,

    /// <summary>Neither required; a notification may name the post it was about.</summary>
    None,
}

public static class EngagementActionRules
{
    public static EngagementTargetRule TargetOf(EngagementAction action) => action switch
    {
        EngagementAction.Follow or EngagementAction.Unfollow or EngagementAction.Mute or EngagementAction.Block => EngagementTargetRule.User,
        EngagementAction.ProfileClick or EngagementAction.ProfileView or EngagementAction.Mention
            or EngagementAction.NotInterested or EngagementAction.Report => EngagementTargetRule.PostOrUser,
        EngagementAction.Login or EngagementAction.NotificationOpen or EngagementAction.NotificationDismiss => EngagementTargetRule.None,
        _ => EngagementTargetRule.Post,
    };
}
