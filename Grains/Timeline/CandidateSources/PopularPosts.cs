using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Runtime;

namespace Recsys.Grains.Timeline.CandidateSources;

/// <summary>
/// The popular list, the same for every viewer, so each silo keeps one copy for a short while: the best posts
/// across the SimClusters communities' top posts (each community's decayed like scores), one entry per post at its
/// best community score. Empty until the SimClusters job has run.
/// </summary>
public sealed class PopularPosts(IGrainFactory grains, TimeProvider time)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (DateTimeOffset At, int Communities, int Count, IReadOnlyList<ScoredPost> Posts)? _cached;

    public async Task<IReadOnlyList<ScoredPost>> GetAsync(int communities, int count, TimeSpan ttl)
    {
        if (Fresh(communities, count, ttl) is { } posts)
        {
            return posts;
        }

        await _refresh.WaitAsync();
        try
        {
            if (Fresh(communities, count, ttl) is { } again)
            {
                return again;
            }

            var model = await grains.GetGrain<ISimClustersModelGrain>(0).GetView();
            var ids = Enumerable.Range(1, Math.Min(communities, model.ClusterCount)).ToArray();
            var top = ids.Length == 0 ? [] : await grains.GetGrain<ISimClustersRetrievalGrain>(0).GetTopPosts(ids, count);
            var best = top.GroupBy(p => p.PostId).Select(g => new ScoredPost(g.Key, g.Max(p => p.Score)))
                .OrderByDescending(p => p.Score).ThenBy(p => p.PostId).Take(count).ToArray();
            _cached = (time.GetUtcNow(), communities, count, best);
            return best;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private IReadOnlyList<ScoredPost>? Fresh(int communities, int count, TimeSpan ttl) =>
        _cached is { } c && c.Communities == communities && c.Count == count && time.GetUtcNow() - c.At < ttl ? c.Posts : null;
}
