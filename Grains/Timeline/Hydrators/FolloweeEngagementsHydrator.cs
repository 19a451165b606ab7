using System.Runtime.InteropServices;
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
        var seeds = Strongest(query.Raw.Context.Follows, p.SocialGraphMaxSeeds);
        if (seeds.Length == 0)
        {
            return FolloweeEngagements.Empty;
        }

        var since = query.Now - p.SocialGraphWindow;
        var ids = new long[seeds.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = seeds[i].UserId;
        }

        var (recent, calls) = await CachedCalls.GetAsync(ids, caches.Engagements, p,
            seed => grains.GetGrain<IUserRankingGrain>(seed).GetRecentPostEngagements(since, p.SocialGraphEdgesPerSeed), CancellationToken.None);
        query.CountCalls(calls);
        var posts = new Dictionary<long, EngagedPost>();
        for (var i = 0; i < seeds.Length; i++)
        {
            var seed = seeds[i];
            var weight = RealGraphScale.ToTimelineWeight(seed.Weight);
            var engagements = recent[i] ?? [];
            for (var k = 0; k < engagements.Count; k++) // indexed: no enumerator per seed
            {
                var e = engagements[k];
                if (e.PostId is not { } postId || e.SubjectId is not { } author || e.Time < since || !FolloweeEngagements.Counts(e.Action))
                {
                    continue;
                }

                ref var post = ref CollectionsMarshal.GetValueRefOrAddDefault(posts, postId, out _);
                post ??= new EngagedPost(postId, author);
                post.Add(seed.UserId, weight, seed.Weight, e.Action, e.Time);
            }
        }

        return new FolloweeEngagements(posts);
    }

    /// <summary>The <paramref name="count"/> followees with the highest RealGraph weight, ties by lower id.</summary>
    public static FollowEdge[] Strongest(IReadOnlyList<FollowEdge> follows, int count)
    {
        var sorted = new FollowEdge[follows.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = follows[i];
        }

        // Weight descending, then id; equal pairs keep their order as LINQ's stable sort did (same weight and id: same seed either way).
        Array.Sort(sorted, static (a, b) => b.Weight.CompareTo(a.Weight) is var byWeight and not 0 ? byWeight : a.UserId.CompareTo(b.UserId));
        return sorted.Length <= count ? sorted : sorted[..Math.Max(0, count)];
    }
}
