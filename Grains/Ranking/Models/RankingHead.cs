namespace Recsys.Grains.Ranking.Models;

/// <summary>
/// The ten heads of the home heavy ranker, in the order of algorithm.md 1.5 (each a label of the MaskNet model;
/// here each a logistic model).
/// </summary>
public enum RankingHead
{
    /// <summary>is_favorited</summary>
    Fav,

    /// <summary>is_retweeted</summary>
    Repost,

    /// <summary>is_replied</summary>
    Reply,

    /// <summary>is_profile_clicked_and_profile_engaged</summary>
    GoodProfileClick,

    /// <summary>is_video_playback_50</summary>
    VideoPlayback50,

    /// <summary>is_replied_reply_engaged_by_author</summary>
    ReplyEngagedByAuthor,

    /// <summary>is_good_clicked_convo_desc_favorited_or_replied</summary>
    GoodClick,

    /// <summary>is_good_clicked_convo_desc_v2 (stayed at least 2 minutes)</summary>
    GoodClickV2,

    /// <summary>is_negative_feedback_v2</summary>
    NegativeFeedback,

    /// <summary>is_report_tweet_clicked</summary>
    Report,
}

/// <summary>The heads as model files and explain output name them.</summary>
public static class RankingHeads
{
    public const int Count = 10;

    /// <summary>The heads' names in the model file (models/heavy-ranker/*.json), in <see cref="RankingHead"/> order.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "fav", "repost", "reply", "good_profile_click", "video_playback50", "reply_engaged_by_author", "good_click", "good_click_v2",
        "negative_feedback", "report",
    ];
}
