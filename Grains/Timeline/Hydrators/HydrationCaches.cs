using Microsoft.Extensions.Options;
using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Ranking.Candidates;

namespace Recsys.Grains.Timeline.Hydrators;

/// <summary>
/// The silo's caches of viewer-independent hydration answers, each kept <see cref="ForYouParams.HydrationCacheTtl"/>:
/// posts' facts and counts, authors' facts (read for nobody in particular), and followees' recent engagements. What
/// depends on the viewer (its lists, feedback, and whether an author blocks it) is never cached.
/// </summary>
public sealed class HydrationCaches(TimeProvider time, IOptionsMonitor<ForYouParams> parameters)
{
    public TtlCache<long, PostFacts?> Posts { get; } = new(time, () => parameters.CurrentValue.HydrationCacheTtl, () => parameters.CurrentValue.HydrationCacheEntries);

    public TtlCache<long, AuthorFacts> Authors { get; } = new(time, () => parameters.CurrentValue.HydrationCacheTtl, () => parameters.CurrentValue.HydrationCacheEntries);

    public TtlCache<long, IReadOnlyList<RecentEngagement>> Engagements { get; } = new(time, () => parameters.CurrentValue.HydrationCacheTtl, () => parameters.CurrentValue.HydrationCacheEntries);
}
