using System.Text.Json.Serialization;

namespace Recsys.Grains.Interfaces.Engagements;

/// <summary>
/// What a user did. The JSON names are snake_case, as the HTTP API and the event log spell them. The set follows
/// the engagement labels of the home heavy ranker and RealGraph's edge features (algorithm.md sections 1.5 and 3)
/// plus the notification outcomes (section 7).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<EngagementAction>))]
public enum EngagementAction
{
    [JsonStringEnumMemberName("impression")] Impression,
    [JsonStringEnumMemberName("click")] Click,
    [JsonStringEnumMemberName("profile_click")] ProfileClick,
    [JsonStringEnumMemberName("profile_view")] ProfileView,
    [JsonStringEnumMemberName("dwell")] Dwell,
    [JsonStringEnumMemberName("photo_expand")] PhotoExpand,
    [JsonStringEnumMemberName("video_view")] VideoView,
    [JsonStringEnumMemberName("like")] Like,
    [JsonStringEnumMemberName("unlike")] Unlike,
    [JsonStringEnumMemberName("repost")] Repost,
    [JsonStringEnumMemberName("reply")] Reply,
    [JsonStringEnumMemberName("quote")] Quote,
    [JsonStringEnumMemberName("mention")] Mention,
    [JsonStringEnumMemberName("share")] Share,
    [JsonStringEnumMemberName("bookmark")] Bookmark,
    [JsonStringEnumMemberName("follow")] Follow,
    [JsonStringEnumMemberName("unfollow")] Unfollow,
    [JsonStringEnumMemberName("not_interested")] NotInterested,
    [JsonStringEnumMemberName("mute")] Mute,
    [JsonStringEnumMemberName("block")] Block,
    [JsonStringEnumMemberName("report")] Report,
    [JsonStringEnumMemberName("login")] Login,
    [JsonStringEnumMemberName("notification_open")] NotificationOpen,
    [JsonStringEnumMemberName("notification_dismiss")] NotificationDismiss,
}
