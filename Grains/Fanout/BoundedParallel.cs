namespace Recsys.Grains.Fanout;

/// <summary>Runs grain calls over many items with a bound on how many are in flight at once.</summary>
public static class BoundedParallel
{
    public static async Task<TResult[]> SelectAsync<TItem, TResult>(IReadOnlyList<TItem> items, int maxInFlight, Func<TItem, Task<TResult>> call)
    {
        var results = new TResult[items.Count];
        for (var start = 0; start < items.Count; start += maxInFlight)
        {
            var end = Math.Min(items.Count, start + maxInFlight);
            var batch = new Task<TResult>[end - start];
            for (var i = start; i < end; i++)
            {
                batch[i - start] = call(items[i]);
            }

            var done = await Task.WhenAll(batch);
            done.CopyTo(results, start);
        }

        return results;
    }

    public static Task ForEachAsync<TItem>(IReadOnlyList<TItem> items, int maxInFlight, Func<TItem, Task> call) =>
        SelectAsync(items, maxInFlight, async item =>
        {
            await call(item);
            return true;
        });
}
