namespace Recsys.Grains.Timeline.Hydrators;

/// <summary>
/// Runs one call per item in batches of <c>batchSize</c>, at most <c>batchesInFlight</c> batches at once; a failed
/// call gives the default result for its item instead of failing the whole hydration.
/// </summary>
/// <remarks>
/// A batch's calls are awaited together and their results read once all are done, rather than each through its own
/// async wrapper: the wrappers were an allocation per call, and every request makes ~120 calls for its final authors.
/// </remarks>
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
                var calls = new Task<TResult>[Math.Min(items.Count, start + batchSize) - start];
                for (var i = 0; i < calls.Length; i++)
                {
                    calls[i] = Start(items[start + i]);
                }

                try
                {
                    await Task.WhenAll(calls);
                }
                catch (Exception) when (!cancellation.IsCancellationRequested)
                {
                    // fail-open per item: a failed call's candidate goes on without this feature (read below)
                }

                for (var i = 0; i < calls.Length; i++)
                {
                    results[start + i] = calls[i].IsCompletedSuccessfully ? calls[i].Result : default;
                }
            }
        }

        // A call that throws before returning its task fails like one whose task faults.
        Task<TResult> Start(TItem item)
        {
            try
            {
                return call(item);
            }
            catch (Exception exception)
            {
                return Task.FromException<TResult>(exception);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Min(batchesInFlight, batches)).Select(_ => Worker()));
        return results;
    }
}
