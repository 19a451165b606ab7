using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.SimClusters;
using Recsys.Runtime;

namespace Recsys.Grains.Timeline.Hydrators;

/// <summary>
/// The query hydrator of step 1: reads the viewer from its User grain in one call (viewer context with RealGraph
/// weights, blocks, mutes, reports, muted words, impressions, fatigue, disliked posts, InterestedIn, user state)
/// and turns it into the lookup sets the pure components use.
/// </summary>
public sealed class ViewerHydrator(IGrainFactory grains)
{
    public Task<RankingViewer> ReadAsync(long viewerId) => grains.GetGrain<IUserRankingGrain>(viewerId).GetRankingViewer();

    public static Viewer ToViewer(RankingViewer raw)
    {
        var c = raw.Context;
        var follows = new Dictionary<long, double>(c.Follows.Count);
        foreach (var f in c.Follows)
        {
            follows[f.UserId] = f.Weight;
        }

        var fatigue = new Dictionary<long, DateTimeOffset>(c.Fatigue.Count);
        foreach (var f in c.Fatigue)
        {
            fatigue[f.AuthorId] = f.At;
        }

        return new Viewer
        {
            UserId = c.UserId,
            State = c.State,
            Languages = c.Languages.ToHashSet(StringComparer.OrdinalIgnoreCase),
            SensitiveMedia = c.SensitiveMediaSetting,
            Follows = follows,
            Blocks = c.Blocks.ToHashSet(),
            Mutes = c.Mutes.ToHashSet(),
            Reported = raw.ReportedUsers.ToHashSet(),
            MutedWords = c.MutedWords,
            Impressions = c.Impressions.ToHashSet(),
            DislikedPosts = raw.DislikedPosts.ToHashSet(),
            Fatigue = fatigue,
            InterestedIn = CommunityVectors.ToVector(raw.InterestedIn),
        };
    }
}
