using Recsys.Grains.Fanout;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;
using Recsys.Runtime;

namespace Recsys.Grains.Timeline.CandidateSources;

/// <summary>
/// Follow recommendations (the FRS candidate pipeline, algorithm.md 1.2): recent original posts (no replies, no
/// reposts) of up to 100 recommended accounts the viewer does not follow, over the in-network window; at most 100.
/// </summary>
public sealed class FollowRecommendationCandidateSource(IGrainFactory grains, IFollowRecommendations recommendations) : ICandidateSource
{
    public static readonly CandidateSourceId SourceId = new("FollowRecommendation");

    private const int PostsPerAccount = 5;
    private const int MaxCallsInFlight = 64;

    public CandidateSourceId Id => SourceId;

    public async Task<IReadOnlyList<Candidate>> FetchAsync(TimelineQuery query, CancellationToken cancellation)
    {
        var p = query.Params;
        var accounts = (await recommendations.RecommendAsync(query.ViewerId, p.FollowRecommendationMaxAccounts, cancellation))
            .Where(a => a != query.ViewerId && !query.Viewer.IsFollowing(a)).Distinct().Take(p.FollowRecommendationMaxAccounts).ToArray();
        var since = query.Now - p.InNetworkWindow;
        var posts = await BoundedParallel.SelectAsync(accounts, MaxCallsInFlight,
            a => grains.GetGrain<IUserGrain>(a).GetRecentPosts(since, PostsPerAccount));
        return posts.SelectMany(list => list)
            .Where(e => !e.IsReply && e.RepostOfId is null)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.PostId)
            .Take(p.FollowRecommendationMaxCandidates)
            .Select(e => new Candidate
            {
                PostId = e.PostId, AuthorId = e.AuthorId, Source = SourceId, InNetwork = false, CreatedAt = e.CreatedAt,
                HasMedia = e.HasMedia, Signals = SourceSignals.None,
            }).ToArray();
    }
}
