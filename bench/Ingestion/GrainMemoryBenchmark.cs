using System.Diagnostics;
using Recsys.Bench.Harness;
using Recsys.Grains.BulkLoad;
using Recsys.Grains.Fanout;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;

namespace Recsys.Bench.Ingestion;

/// <summary>
/// Memory per active grain: N users and N posts with 10 engagements per user (bulk-loaded, so state and log are in
/// SQLite), then a silo activates every user grain and, separately, every post grain (each loads its state and
/// checkpoints). Bytes per grain = growth of the managed heap after full collections / grains measured.
/// </summary>
public static class GrainMemoryBenchmark
{
    private const int EventsPerUser = 10;

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(int grains)
    {
        var directory = Path.Combine(Path.GetTempPath(), "recsys-bench-memory-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "recsys.db");
        var now = DateTimeOffset.UtcNow;
        try
        {
            var plan = BenchData.Entities(grains, now) with { Engagements = BenchData.Events(grains * EventsPerUser, grains, now) };
            await new BulkLoader(new SqliteBulkTarget(database), new BulkLoadOptions()).LoadAsync(plan);
            await using var silo = await BenchSilo.StartAsync(database);
            var factory = (Recsys.Runtime.IGrainFactory)silo.Services.GetService(typeof(Recsys.Runtime.IGrainFactory))!;
            var ids = Enumerable.Range(1, grains).Select(i => (long)i).ToArray();
            // The first activations after the bulk load coincide with the loader's leftovers being freed (a first measurement
            // came out negative, whichever kind went first), so half the posts settle the heap unmeasured.
            var (settle, measured) = (ids[..(grains / 2)], ids[(grains / 2)..]);
            await BoundedParallel.ForEachAsync(settle, 1_000, id => factory.GetGrain<IPostGrain>(id).Checkpoint());
            var users = await MeasureAsync(() => BoundedParallel.ForEachAsync(ids, 1_000, id => factory.GetGrain<IUserGrain>(id).Checkpoint()));
            var posts = await MeasureAsync(() => BoundedParallel.ForEachAsync(measured, 1_000, id => factory.GetGrain<IPostGrain>(id).Checkpoint()));
            return
            [
                new BenchResult($"user grains ({EventsPerUser} engagements made, ~{EventsPerUser} received each): {users.Bytes / grains:N0} bytes each", grains, users.Elapsed, 0, 0),
                new BenchResult($"post grains (~{EventsPerUser} engagements each): {posts.Bytes / measured.Length:N0} bytes each", measured.Length, posts.Elapsed, 0, 0),
            ];
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(long Bytes, TimeSpan Elapsed)> MeasureAsync(Func<Task> activate)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        await activate();
        var elapsed = clock.Elapsed;
        return (GC.GetTotalMemory(forceFullCollection: true) - before, elapsed);
    }
}
