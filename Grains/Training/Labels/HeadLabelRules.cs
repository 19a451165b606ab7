using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Ranking.Models;

namespace Recsys.Grains.Training.Labels;

/// <summary>
/// Which of a viewer's engagements with a served post (or its author) make each heavy-ranker head's label positive,
/// after the published label names (algorithm.md 1.5). Where our events cannot observe the published label exactly,
/// the closest observable one stands in, as noted per head. <see cref="RankingHead.ReplyEngagedByAuthor"/> has no
/// label source: our log does not link a reply to the post it created, so the author's engagement with the reply
/// cannot be found; that head is never trained and keeps the active version's coefficients.
/// </summary>
public static class HeadLabelRules
{
    /// <summary>Published is_good_clicked_convo_desc_v2: the click stayed at least 2 minutes (dwell in ms).</summary>
    public const double GoodClickV2MinDwellMs = 120_000;

    /// <summary>Published is_video_playback_50: at least half the video watched (video_view carries the fraction).</summary>
    public const double VideoPlaybackMinFraction = 0.5;

    /// <summary>Heads with a label source in our engagement log.</summary>
    public static bool HasLabelSource(RankingHead head) => head != RankingHead.ReplyEngagedByAuthor;

    /// <summary>The labels of one served item from the viewer's engagements with its post or author inside the window.</summary>
    public static bool[] Label(IEnumerable<LoggedEngagement> engagements)
    {
        bool like = false, repost = false, reply = false, profileClick = false, video50 = false, click = false, longDwell = false,
            negative = false, report = false;
        foreach (var e in engagements)
        {
            switch (e.Action)
            {
                case EngagementAction.Like: like = true; break;
                case EngagementAction.Repost or EngagementAction.Quote: repost = true; break; // is_retweeted counts quotes
                case EngagementAction.Reply: reply = true; break;
                case EngagementAction.ProfileClick: profileClick = true; break; // "and profile engaged" is not observable
                case EngagementAction.VideoView: video50 |= e.Value >= VideoPlaybackMinFraction; break;
                case EngagementAction.Click: click = true; break;
                case EngagementAction.Dwell: longDwell |= e.Value >= GoodClickV2MinDwellMs; break;
                case EngagementAction.NotInterested or EngagementAction.Mute or EngagementAction.Block: negative = true; break;
                case EngagementAction.Report: report = true; break;
            }
        }

        var labels = new bool[RankingHeads.Count];
        labels[(int)RankingHead.Fav] = like;
        labels[(int)RankingHead.Repost] = repost;
        labels[(int)RankingHead.Reply] = reply;
        labels[(int)RankingHead.GoodProfileClick] = profileClick;
        labels[(int)RankingHead.VideoPlayback50] = video50;
        labels[(int)RankingHead.GoodClick] = click && (like || reply);
        labels[(int)RankingHead.GoodClickV2] = click && longDwell;
        labels[(int)RankingHead.NegativeFeedback] = negative;
        labels[(int)RankingHead.Report] = report;
        return labels;
    }
}
