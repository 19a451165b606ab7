using Recsys.Grains.Interfaces.Timeline;
using FollowEdge = Recsys.Grains.Interfaces.Users.FollowEdge;
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

    /// <summary>The viewer as the pure components read it; with <paramref name="kept"/>, the sets of unchanged lists are reused.</summary>
    public static Viewer ToViewer(RankingViewer raw, ViewerLookups? kept = null)
    {
        var c = raw.Context;
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
            Follows = kept?.Follows(c.Follows) ?? FollowWeights(c.Follows),
            Blocks = kept?.Blocks(c.Blocks) ?? c.Blocks.ToHashSet(),
            Mutes = kept?.Mutes(c.Mutes) ?? c.Mutes.ToHashSet(),
            Reported = kept?.Reported(raw.ReportedUsers) ?? raw.ReportedUsers.ToHashSet(),
            MutedWords = c.MutedWords,
            Impressions = c.Impressions.ToHashSet(),
            DislikedPosts = raw.DislikedPosts.ToHashSet(),
            Fatigue = fatigue,
            InterestedIn = CommunityVectors.ToVector(raw.InterestedIn),
        };
    }

    /// <summary>Each followee's RealGraph weight, by followee.</summary>
    public static IReadOnlyDictionary<long, double> FollowWeights(IReadOnlyList<FollowEdge> follows)
    {
        var weights = new Dictionary<long, double>(follows.Count);
        foreach (var f in follows)
        {
            weights[f.UserId] = f.Weight;
        }

        return weights;
    }
}
