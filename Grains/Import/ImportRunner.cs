using System.Diagnostics;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;
using Recsys.Runtime;

namespace Recsys.Grains.Import;

/// <summary>
/// Loads an <see cref="ImportPlan"/> through the grains' own methods: the user index shards and users (Upsert),
/// posts (Create), the followees' followers lists (AddMany, one write per followee instead of one per follow),
/// then the follow and engagement events through the ingestion path, in batches. The same code runs against a
/// gateway client (`recsys import`) and inside the bulk loader's private silo, so both produce the same state.
/// Pre-filling indexes and followers lists only saves writes: the follow events still go through the User grain,
/// which finds its follower already listed.
/// </summary>
public sealed class ImportRunner(IGrainFactory grains, ImportRunnerOptions options)
{
    private const int MaxRejectionsKept = 5;

    public async Task<ImportResult> RunAsync(ImportPlan plan, IProgress<ImportProgress>? progress = null)
    {
        options.Validate();
        var stages = new List<(string, TimeSpan)>();
        var clock = Stopwatch.StartNew();
        async Task Stage(string name, Func<Task> run)
        {
            var started = clock.Elapsed;
            await run();
            stages.Add((name, clock.Elapsed - started));
        }

        var shards = plan.Users.GroupBy(u => UserIndex.ShardOf(u.Id)).ToArray();
        await Stage("users", async () =>
        {
            await ForEachAsync("user index", shards, g => grains.GetGrain<IUserIndexGrain>(g.Key).Add(g.Select(u => u.Id).ToArray()), progress);
            await ForEachAsync("users", plan.Users, u => grains.GetGrain<IUserGrain>(u.Id).Upsert(u), progress);
        });
        await Stage("posts", () => ForEachAsync("posts", plan.Posts, p => grains.GetGrain<IPostGrain>(p.Id).Create(p), progress));
        var followers = plan.Follows.GroupBy(f => f.TargetUserId!.Value).ToArray();
        await Stage("followers", () => ForEachAsync("followers", followers, g => grains.GetGrain<IFollowersGrain>(g.Key).AddMany(g.Select(f => f.UserId).ToArray()), progress));
        var tally = new Tally();
        await Stage("follows", () => IngestAsync("follows", plan.Follows, tally, progress));
        await Stage("engagements", () => IngestAsync("engagements", plan.Engagements, tally, progress));
        return new ImportResult(plan.Users.Count, plan.Posts.Count, tally.Accepted, tally.Duplicates, tally.Rejected, tally.First, stages);
    }

    private async Task ForEachAsync<T>(string stage, IReadOnlyList<T> items, Func<T, Task> call, IProgress<ImportProgress>? progress)
    {
        long done = 0;
        progress?.Report(new ImportProgress(stage, 0, items.Count));
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, async (item, _) =>
        {
            await call(item);
            var now = Interlocked.Increment(ref done);
            if (now % 1_000 == 0 || now == items.Count)
            {
                progress?.Report(new ImportProgress(stage, now, items.Count));
            }
        });
    }

    private async Task IngestAsync(string stage, IReadOnlyList<EngagementEvent> events, Tally tally, IProgress<ImportProgress>? progress)
    {
        var batches = events.Chunk(options.BatchSize).ToArray();
        long done = 0;
        progress?.Report(new ImportProgress(stage, 0, events.Count));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = options.ConcurrentBatches }, async (batch, _) =>
        {
            var result = await grains.GetGrain<IEngagementIngestGrain>(0).Ingest(batch);
            tally.Add(result, batch);
            progress?.Report(new ImportProgress(stage, Interlocked.Add(ref done, batch.Length), events.Count));
        });
    }

    private sealed class Tally
    {
        private readonly object _lock = new();

        public long Accepted { get; private set; }

        public long Duplicates { get; private set; }

        public long Rejected { get; private set; }

        public List<string> First { get; } = [];

        public void Add(IngestResult result, EngagementEvent[] batch)
        {
            lock (_lock)
            {
                Accepted += result.Accepted;
                Duplicates += result.Duplicates;
                Rejected += result.Rejected.Count;
                foreach (var rejection in result.Rejected.Take(MaxRejectionsKept - First.Count))
                {
                    First.Add($"{batch[rejection.Index].Id}: {rejection.Field.Split('.').Last()} {rejection.Error}");
                }
            }
        }
    }
}
