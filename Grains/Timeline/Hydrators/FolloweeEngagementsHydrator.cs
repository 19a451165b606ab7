using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Interfaces.Users;
using Recsys.Runtime;

namespace Recsys.Grains.Timeline.Hydrators;

/// <summary>
/// A query hydrator: reads the recent post engagements of the viewer's strongest followees (by RealGraph, up to
/// <see cref="ForYouParams.SocialGraphMaxSeeds"/>) in batches, through the silo's short-lived cache (a followee's
/// engagements are the same for all of its followers, as UTEG's graph is), and counts them per post, each seed
/// weighted 1 + 1.97 s as home-mixer weights UTEG's seeds (algorithm.md 3 and 5.2).
/// </summary>
public sealed class FolloweeEngagementsHydrator(IGrainFactory grains, HydrationCaches caches)
{
    public async Task<FolloweeEngagements> ReadAsync(TimelineQuery query)
    {
        var p = query.Params;
        var seeds = query.Raw.Context.Follows.OrderByDescending(f => f.Weight).ThenBy(f => f.UserId).Take(p.SocialGraphMaxSeeds).ToArray();
        if (seeds.Length == 0)
        {
            return FolloweeEngagements.Empty;
        }

        var since = query.Now - p.SocialGraphWindow;
        var (recent, calls) = await CachedCalls.GetAsync(seeds.Select(s => s.UserId).ToArray(), caches.Engagements, p,
            seed => grains.GetGrain<IUserRankingGrain>(seed).GetRecentPostEngagements(since, p.SocialGraphEdgesPerSeed), CancellationToken.None);
        query.CountCalls(calls);
        var posts = new Dictionary<long, EngagedPost>();
        for (var i = 0; i < seeds.Length; i++)
        {
            var seed = seeds[i];
            var weight = RealGraphScale.ToTimelineWeight(seed.Weight);
            foreach (var e in recent[i] ?? [])
            {
                if (e.PostId is not { } postId || e.SubjectId is not { } author || e.Time < since || !FolloweeEngagements.Counts(e.Action))
                {
                    continue;
                }

                if (!posts.TryGetValue(postId, out var post))
                {
                    posts[postId] = post = new EngagedPost(postId, author);
                }

                post.Add(seed.UserId, weight, seed.Weight, e.Action, e.Time);
            }
        }

        return new FolloweeEngagements(posts);
    }
}
