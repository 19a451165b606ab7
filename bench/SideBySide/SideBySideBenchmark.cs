using System.Diagnostics;
using Npgsql;
using Recsys.Bench.ForYou;
using Recsys.Bench.Harness;
using Recsys.Client;
using Recsys.Grains.Hosting;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Sample;
using Recsys.Grains.Timeline;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Testing;

namespace Recsys.Bench.SideBySide;

/// <summary>
/// Issue 10's side-by-side: the same generated data in Recsys and in a PostgreSQL-only For You, both measured in
/// one process and one run at 1, 16 and 64 concurrent viewers (closed loop, the same viewers, warm-up first).
/// Recsys is called through a <see cref="ClusterClient"/> over the silo's gateway, as a frontend would: the
/// PostgreSQL version is likewise reached over loopback TCP through Npgsql's pool, so both pay a network hop and
/// serialisation, and neither runs inside its caller.
/// </summary>
public static class SideBySideBenchmark
{
    public static readonly int[] ViewerCounts = [1, 16, 64];

    private const int BlocksPerViewer = 3;

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(string connectionString, int users, double follows, double posts, double views, int seconds)
    {
        var data = ForYouBenchData.Generate(users, follows, posts, views, DateTimeOffset.UtcNow);
        var viewers = data.Follows.GroupBy(f => f.FollowerId).OrderBy(g => g.Key).Where((_, i) => i % 97 == 0).Take(ViewerCounts.Max()).Select(g => g.Key).ToArray();
        var blocks = UserBlock.Plant(data, viewers, BlocksPerViewer);
        Console.WriteLine($"side-by-side: {viewers.Length} viewers, {blocks.Count} planted blocks");
        var p = new PostgresForYouParams();
        var query = new PostgresForYouQuery(p);
        await using var db = PostgresForYouDeployment.CreateDataSource(connectionString, ViewerCounts.Max());
        await PostgresForYouDeployment.TuneAsync(db);
        await PostgresForYouLoader.LoadAsync(db, data, blocks, p);
        Console.WriteLine($"side-by-side: PostgreSQL database size {await PostgresForYouDeployment.SizeMiBAsync(db):N0} MiB");
        foreach (var line in await query.ExplainAsync(db, viewers[0], DateTimeOffset.UtcNow))
        {
            Console.WriteLine($"plan: {line}");
        }

        await using var cluster = await StartRecsysAsync(data, blocks);
        await using var client = await ClusterClient.ConnectAsync(new ClusterClientOptions { Gateways = [cluster.Silos[0].Gateway] });
        Func<long, Task> recsys = viewer => client.GetForYouAsync(viewer);
        Func<long, Task> postgres = viewer => query.ReadAsync(db, viewer, DateTimeOffset.UtcNow);
        await CheckPagesAsync(viewers, blocks, p.PageSize,
            async v => (await client.GetForYouAsync(v)).Items.Select(i => (i.PostId, i.AuthorId)).ToArray(),
            async v => (await query.ReadAsync(db, v, DateTimeOffset.UtcNow)).Select(i => (i.PostId, i.AuthorId)).ToArray());

        var results = new List<BenchResult>();
        await using (var refresher = new PopularListRefresher(db, p.PopularRefreshInterval))
        {
            foreach (var n in ViewerCounts)
            {
                var group = viewers.Take(n).ToArray();
                results.Add(await ClosedLoop.RunAsync($"Recsys, {n} viewers (ClusterClient)", group, TimeSpan.FromSeconds(seconds), recsys));
                results.Add(await ClosedLoop.RunAsync($"PostgreSQL, {n} viewers (Npgsql pool)", group, TimeSpan.FromSeconds(seconds), postgres));
                Console.WriteLine($"side-by-side: {n} viewers done; working set {Process.GetCurrentProcess().WorkingSet64 / 1_048_576:N0} MiB");
            }

            Console.WriteLine($"side-by-side: popular list refreshed {refresher.Refreshes} times during the runs");
        }

        PrintRatios(results);
        return results;
    }

    /// <summary>Loads the data into one silo generation (fan-out skipped), plants the blocks, and restarts into a clean measured generation.</summary>
    private static async Task<TestCluster> StartRecsysAsync(SampleDataSet data, IReadOnlyList<UserBlock> blocks)
    {
        var loading = true;
        var cluster = await TestCluster.StartAsync(silo =>
        {
            silo.AddRecsysDomain();
            silo.AddMemoryGrainStorage();
            silo.UseMemoryReminders();
            silo.UseMemoryEngagementLog(new Grains.Ingestion.Log.MemoryEngagementLog());
            silo.Configure<ForYouParams>(f =>
            {
                // As issue 9's benchmark: about 1,500 candidates per request.
                f.SocialGraphMaxCandidates = 500;
                f.SimClustersPostsPerCommunity = 200;
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
        GC.Collect();
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

    private static void PrintRatios(IReadOnlyList<BenchResult> results)
    {
        BenchResult Find(string system, int n) => results.Single(r => r.Name.StartsWith($"{system}, {n} viewers", StringComparison.Ordinal));
        foreach (var n in ViewerCounts)
        {
            var (recsys, postgres) = (Find("Recsys", n), Find("PostgreSQL", n));
            Console.WriteLine($"side-by-side: {n} viewers: throughput Recsys / PostgreSQL = {recsys.PerSecond / postgres.PerSecond:F2}; "
                + $"p50 PostgreSQL / Recsys = {postgres.P50Microseconds / recsys.P50Microseconds:F2}; p99 PostgreSQL / Recsys = {postgres.P99Microseconds / recsys.P99Microseconds:F2}");
        }
    }
}
