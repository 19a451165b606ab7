namespace Recsys.Grains.Timeline.Hydrators;

/// <summary>Answers from a cache where it has them, and calls in batches for the rest (caching what they return).</summary>
public static class CachedCalls
{
    public static async Task<(TValue?[] Results, int Calls)> GetAsync<TValue>(IReadOnlyList<long> keys, TtlCache<long, TValue> cache,
        ForYouParams p, Func<long, Task<TValue>> call, CancellationToken cancellation)
    {
        var results = new TValue?[keys.Count];
        var missing = new List<int>();
        var now = cache.NowTicks; // one clock read for the batch
        for (var i = 0; i < keys.Count; i++)
        {
            if (cache.TryGet(keys[i], now, out var hit))
            {
                results[i] = hit;
            }
            else
            {
                missing.Add(i);
            }
        }

        if (missing.Count > 0)
        {
            var fetched = await Batches.SelectAsync(missing, p.HydrationBatchSize, p.HydrationBatchesInFlight, async i =>
            {
                var value = await call(keys[i]);
                cache.Set(keys[i], value);
                return value;
            }, cancellation);
            for (var m = 0; m < missing.Count; m++)
            {
                results[missing[m]] = fetched[m];
            }
        }

        return (results, missing.Count);
    }
}
