namespace Recsys.Grains.Timeline.Hydrators;

/// <summary>
/// Runs one call per item in batches of <c>batchSize</c>, at most <c>batchesInFlight</c> batches at once; a failed
/// call gives the default result for its item instead of failing the whole hydration.
/// </summary>
public static class Batches
{
    public static async Task<TResult?[]> SelectAsync<TItem, TResult>(IReadOnlyList<TItem> items, int batchSize, int batchesInFlight,
        Func<TItem, Task<TResult>> call, CancellationToken cancellation)
    {
        var results = new TResult?[items.Count];
        var batches = (items.Count + batchSize - 1) / batchSize;
        var next = -1;

        async Task Worker()
        {
            for (var b = Interlocked.Increment(ref next); b < batches && !cancellation.IsCancellationRequested; b = Interlocked.Increment(ref next))
            {
                var start = b * batchSize;
                var end = Math.Min(items.Count, start + batchSize);
                var calls = new Task[end - start];
                for (var i = start; i < end; i++)
                {
                    calls[i - start] = One(i);
                }

                await Task.WhenAll(calls);
            }
        }

        async Task One(int i)
        {
            try
            {
                results[i] = await call(items[i]);
            }
            catch (Exception) when (!cancellation.IsCancellationRequested)
            {
                results[i] = default; // fail-open per item: the candidate goes on without this feature
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Min(batchesInFlight, batches)).Select(_ => Worker()));
        return results;
    }
}
