using Recsys.Grains.BulkLoad;
using System.Runtime;
using Npgsql;
using Recsys.Bench.ForYou;
using Recsys.Bench.Harness;
using Recsys.Client;
using Recsys.Grains.Hosting;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Sample;
using Recsys.Grains.Timeline;
using Recsys.Grains.Timeline.CandidateSources;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Testing;

namespace Recsys.Bench.SideBySide;

/// <summary>
/// Issue 10's side-by-side: the same generated data in Recsys and in a PostgreSQL-only For You, both measured in
/// one process and one run at 1, 16 and 64 concurrent viewers (closed loop, the same viewers, warm-up first, the two
/// systems taking turns at each count); Recsys as published (with its cached scored candidates), then with that cache off.
/// Recsys is called through a <see cref="ClusterClient"/> over the silo's gateway, as a frontend would: the
/// PostgreSQL version is likewise reached over loopback TCP through Npgsql's pool, so both pay a network hop and
/// serialisation, and neither runs inside its caller.
/// </summary>
public static class SideBySideBenchmark
{
    public static readonly int[] ViewerCounts = [1, 16, 64];

    private const int BlocksPerViewer = 3;

    private const int WarmUpSeconds = 15;

    private const string Published = "Recsys";

    private const string Afresh = "Recsys, no cache";

    private const string PostgresName = "PostgreSQL";

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(string connectionString, int users, double follows, double posts, double views, int seconds)
    {
        var p = new PostgresForYouParams();
        var query = new PostgresForYouQuery(p);
        await using var db = PostgresForYouDeployment.CreateDataSource(connectionString, ViewerCounts.Max());
        await PostgresForYouDeployment.TuneAsync(db);
        var switches = new RecsysSwitches();
        var (viewers, blocks, cluster) = await LoadBothAsync(db, p, users, follows, posts, views, switches);
        await using var _ = cluster;
        // The generated data set is no longer referenced: collect it, so neither system's heap pays for it.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        Console.WriteLine($"side-by-side: bench process working set {WorkingSetMiB():N0} MiB, managed heap {GC.GetTotalMemory(false) / 1_048_576:N0} MiB; "
            + $"PostgreSQL database {await PostgresForYouDeployment.SizeMiBAsync(db):N0} MiB");
        foreach (var line in await query.ExplainAsync(db, viewers[0], DateTimeOffset.UtcNow))
        {
            Console.WriteLine($"plan: {line}");
        }

        var client = await ClusterClient.ConnectAsync(new ClusterClientOptions { Gateways = [cluster.Silos[0].Gateway] });
        Func<long, Task> recsys = viewer => client.GetForYouAsync(viewer);
        Func<long, Task> postgres = viewer => query.ReadAsync(db, viewer, DateTimeOffset.UtcNow);
        await CheckPagesAsync(viewers, blocks, p.PageSize,
            async v => (await client.GetForYouAsync(v)).Items.Select(i => (i.PostId, i.AuthorId)).ToArray(),
            async v => (await query.ReadAsync(db, v, DateTimeOffset.UtcNow)).Select(i => (i.PostId, i.AuthorId)).ToArray());

        Func<Task<Func<Task<TimeSpan>>>> recsysCpu = () =>
        {
            var start = CpuClock.ThisProcess();
            return Task.FromResult<Func<Task<TimeSpan>>>(() => Task.FromResult(CpuClock.ThisProcess() - start));
        };
        Func<Task<Func<Task<TimeSpan>>>> postgresCpu = async () =>
        {
            var (start, server) = (CpuClock.ThisProcess(), await CpuClock.ServerAsync(db));
            return async () => CpuClock.ThisProcess() - start + CpuClock.Used(server, await CpuClock.ServerAsync(db));
        };

        // Each system warms up on every viewer first: the grains activate and fill their caches, tiered JIT reaches its
        // optimised code, PostgreSQL's buffers and the pool's prepared statements fill. Recsys runs twice: as published
        // (a viewer refreshing within 3 minutes gets its cached scored candidates, and only sources short of cached
        // candidates run), then on a silo restarted with that cache switched off, so every request ranks afresh.
        // Recsys as published and PostgreSQL take turns at each viewer count, so that a change in the box's speed during
        // the run (this shared machine's own varies by 15 % and more over minutes) falls on both sides of each ratio.
        var rows = new List<ClosedLoopResult>();
        await ClosedLoop.WarmUpAsync(viewers, TimeSpan.FromSeconds(WarmUpSeconds), recsys);
        await ClosedLoop.WarmUpAsync(viewers, TimeSpan.FromSeconds(WarmUpSeconds), postgres);
        foreach (var n in ViewerCounts)
        {
            rows.Add(await ClosedLoop.RunAsync(Published, viewers.Take(n).ToArray(), TimeSpan.FromSeconds(seconds), recsys, recsysCpu));
            Console.WriteLine($"side-by-side: {Published}, {n} viewers done; working set {WorkingSetMiB():N0} MiB");
            await using var refresher = new PopularListRefresher(db, p.PopularRefreshInterval);
            rows.Add(await ClosedLoop.RunAsync(PostgresName, viewers.Take(n).ToArray(), TimeSpan.FromSeconds(seconds), postgres, postgresCpu));
            Console.WriteLine($"side-by-side: {PostgresName}, {n} viewers done; popular list refreshed {refresher.Refreshes} times during the run; "
                + $"working set {WorkingSetMiB():N0} MiB");
        }

        await client.DisposeAsync();
        switches.RankAfresh = true;
        await cluster.RestartSiloAsync();
        client = await ClusterClient.ConnectAsync(new ClusterClientOptions { Gateways = [cluster.Silos[0].Gateway] });
        await PrintCandidatesAsync(viewers, client, query, db); // what one fresh ranking gathers
        await RunAllAsync(rows, Afresh, viewers, seconds, recsys, recsysCpu);
        await client.DisposeAsync();

        Console.WriteLine($"side-by-side: PostgreSQL prepared query: {await PostgresForYouDeployment.PlanCacheAsync(db, ViewerCounts.Max())}");
        Console.WriteLine(ClosedLoopResult.Header);
        rows.ForEach(Console.WriteLine);
        PrintRatios(rows);
        using (var self = System.Diagnostics.Process.GetCurrentProcess())
        {
            Console.WriteLine($"side-by-side: bench process peak working set {self.PeakWorkingSet64 / 1_048_576:N0} MiB");
        }

        return rows.Select(r => r.Result).ToArray();
    }

    /// <summary>Generates the data, plants the blocks, and loads both systems; only the viewers and blocks outlive it.</summary>
    private static async Task<(long[] Viewers, IReadOnlyList<UserBlock> Blocks, TestCluster Cluster)> LoadBothAsync(NpgsqlDataSource db, PostgresForYouParams p,
        int users, double follows, double posts, double views, RecsysSwitches switches)
    {
        var data = ForYouBenchData.Generate(users, follows, posts, views, DateTimeOffset.UtcNow);
        var viewers = data.Follows.GroupBy(f => f.FollowerId).OrderBy(g => g.Key).Where((_, i) => i % 97 == 0).Take(ViewerCounts.Max()).Select(g => g.Key).ToArray();
        var blocks = UserBlock.Plant(data, viewers, BlocksPerViewer);
        Console.WriteLine($"side-by-side: {viewers.Length} viewers, {blocks.Count} planted blocks");
        await PostgresForYouLoader.LoadAsync(db, data, blocks, p);
        return (viewers, blocks, await StartRecsysAsync(data, blocks, switches));
    }

    /// <summary>Loads the data into one silo generation (fan-out skipped), plants the blocks, and restarts into a clean measured generation.</summary>
    private static async Task<TestCluster> StartRecsysAsync(SampleDataSet data, IReadOnlyList<UserBlock> blocks, RecsysSwitches switches)
    {
        var loading = true;
        var cluster = await TestCluster.StartAsync(silo =>
        {
            silo.AddRecsysDomain();
            silo.AddMemoryGrainStorage();
            silo.UseMemoryReminders();
            silo.UseMemoryEngagementLog(new MemoryEngagementLog());
            silo.Configure<ForYouParams>(f =>
            {
                // As issue 9's benchmark: about 1,500 candidates per request.
                f.SocialGraphMaxCandidates = 500;
                f.SimClustersPostsPerCommunity = 200;
                if (switches.RankAfresh)
                {
                    f.DisabledComponents.Add(CachedScoredCandidateSource.Instance.Id.Scope);
                }
            });
            if (loading)
            {
                silo.AddIncomingGrainCallFilter<SkipFanoutFilter>();
                silo.Configure<MessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(5));
            }
        });
        await ForYouBenchData.LoadAsync(cluster, data);
        foreach (var block in blocks)
        {
            await cluster.GrainFactory.GetGrain<IUserGrain>(block.BlockerId).Block(block.BlockedId);
        }

        loading = false;
        await cluster.RestartSiloAsync();
        return cluster;
    }

    private static async Task CheckPagesAsync(IReadOnlyList<long> viewers, IReadOnlyList<UserBlock> blocks, int pageSize,
        Func<long, Task<(long PostId, long AuthorId)[]>> recsys, Func<long, Task<(long PostId, long AuthorId)[]>> postgres)
    {
        var problems = new List<string>();
        long recsysItems = 0, postgresItems = 0, overlap = 0;
        foreach (var viewer in viewers)
        {
            var hidden = PageCheck.HiddenAuthors(viewer, blocks);
            var (a, b) = (await recsys(viewer), await postgres(viewer));
            problems.AddRange(PageCheck.Problems(viewer, a, hidden, pageSize).Select(s => "Recsys " + s));
            problems.AddRange(PageCheck.Problems(viewer, b, hidden, pageSize).Select(s => "PostgreSQL " + s));
            (recsysItems, postgresItems) = (recsysItems + a.Length, postgresItems + b.Length);
            overlap += a.Select(i => i.PostId).Intersect(b.Select(i => i.PostId)).Count();
        }

        Console.WriteLine($"side-by-side: pages checked for {viewers.Count} viewers: Recsys {recsysItems:N0} items, PostgreSQL {postgresItems:N0}, "
            + $"{overlap:N0} posts on both; {problems.Count} problems");
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("a served page broke a rule: " + string.Join("; ", problems.Take(10)));
        }
    }

    /// <summary>How much each system gathers per request, averaged over the viewers: the work behind the latencies.</summary>
    private static async Task PrintCandidatesAsync(IReadOnlyList<long> viewers, ClusterClient client, PostgresForYouQuery query, NpgsqlDataSource db)
    {
        var recsys = new Dictionary<string, double>(StringComparer.Ordinal);
        var hydrated = 0d;
        (double InNetwork, double Social, double Popular) postgres = default;
        foreach (var viewer in viewers)
        {
            var stats = (await client.GetForYouAsync(viewer, explain: true)).Stats!;
            foreach (var (source, count) in stats.Sources)
            {
                recsys[source] = recsys.GetValueOrDefault(source) + count / (double)viewers.Count;
            }

            hydrated += stats.Hydrated / (double)viewers.Count;
            var (inNetwork, social, popular) = await query.CountSourcesAsync(db, viewer, DateTimeOffset.UtcNow);
            postgres = (postgres.InNetwork + inNetwork / (double)viewers.Count, postgres.Social + social / (double)viewers.Count, postgres.Popular + popular / (double)viewers.Count);
        }

        Console.WriteLine($"side-by-side: candidates per request, mean over the viewers: Recsys {recsys.Values.Sum():F0} "
            + $"({string.Join(", ", recsys.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value:F0}"))}; {hydrated:F0} hydrated); "
            + $"PostgreSQL {postgres.InNetwork + postgres.Social + postgres.Popular:F0} (in-network {postgres.InNetwork:F0}, social {postgres.Social:F0}, popular {postgres.Popular:F0})");
    }

    private static void PrintRatios(IReadOnlyList<ClosedLoopResult> rows)
    {
        ClosedLoopResult Find(string system, int n) => rows.Single(r => r.System == system && r.Viewers == n);
        foreach (var system in new[] { Published, Afresh })
        {
            foreach (var n in ViewerCounts)
            {
                var (recsys, postgres) = (Find(system, n), Find(PostgresName, n));
                Console.WriteLine($"side-by-side: {system} vs PostgreSQL, {n} viewers: requests/s ratio = {recsys.Result.PerSecond / postgres.Result.PerSecond:F2}; "
                    + $"p50 PostgreSQL / Recsys = {postgres.Result.P50Microseconds / recsys.Result.P50Microseconds:F2}; "
                    + $"p99 PostgreSQL / Recsys = {postgres.Result.P99Microseconds / recsys.Result.P99Microseconds:F2}; "
                    + $"CPU per request PostgreSQL / Recsys = {postgres.CpuMillisecondsPerRequest / recsys.CpuMillisecondsPerRequest:F2}");
            }
        }
    }

    /// <summary>One Recsys configuration at every viewer count, after a warm-up on all viewers.</summary>
    private static async Task RunAllAsync(List<ClosedLoopResult> rows, string system, long[] viewers, int seconds, Func<long, Task> recsys,
        Func<Task<Func<Task<TimeSpan>>>> cpu)
    {
        await ClosedLoop.WarmUpAsync(viewers, TimeSpan.FromSeconds(WarmUpSeconds), recsys);
        foreach (var n in ViewerCounts)
        {
            rows.Add(await ClosedLoop.RunAsync(system, viewers.Take(n).ToArray(), TimeSpan.FromSeconds(seconds), recsys, cpu));
            Console.WriteLine($"side-by-side: {system}, {n} viewers done; working set {WorkingSetMiB():N0} MiB");
        }
    }

    /// <summary>What the Recsys silo is configured with when it (re)starts.</summary>
    private sealed class RecsysSwitches
    {
        /// <summary>Switch the cached scored candidates off, so every request runs every source and ranks afresh.</summary>
        public bool RankAfresh { get; set; }
    }

    private static long WorkingSetMiB()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.WorkingSet64 / 1_048_576;
    }
}
