using Recsys.Grains.BulkLoad;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Recsys.Bench.Harness;
using Recsys.Grains.Hosting;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Sample;
using Recsys.Grains.Timeline;
using Recsys.Grains.Timeline.Hydrators;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Testing;

namespace Recsys.Bench.ForYou;

/// <summary>
/// The For You request on generated data (issue 9): one warm viewer's request latency, 64 concurrent viewers'
/// throughput and p99, and the full request against the pure ranking and filtering code alone on the same
/// candidates. On SQLite the data is bulk-loaded into the file (or a file loaded before is reused) and measured by
/// a silo that starts on it; in memory it is loaded by one silo generation (fan-out skipped) and measured on the
/// next. Either way the measured silo starts with nothing activated: every grain the requests touch is activated
/// from storage during the warm-up.
/// </summary>
public static class ForYouBenchmark
{
    public const int DefaultUsers = 100_000;

    private const int Concurrency = 64;

    /// <param name="sqlite">Keep grain state, reminders and the event log in a SQLite file (on disk) instead of memory; the data is bulk-loaded into it.</param>
    /// <param name="database">
    /// With <paramref name="sqlite"/>: the SQLite file to keep. Bulk-loaded and kept when it is new; when it holds the
    /// same shape (its manifest beside it), reused as it is, so measuring again needs no reload.
    /// </param>
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(int users, double follows, double posts, double views, int seconds, bool sqlite, string? database = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "recsys-for-you-bench", Guid.NewGuid().ToString("N"));
        var file = database is not null && sqlite ? Path.GetFullPath(database) : Path.Combine(directory, "recsys.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var log = new MemoryEngagementLog();
        var loading = !sqlite;
        ViewerPools pools = null!;
        if (sqlite)
        {
            pools = await BulkLoadOrReuseAsync(file, users, follows, posts, views);
        }

        await using var cluster = await TestCluster.StartAsync(silo =>
        {
            silo.AddRecsysDomain();
            if (sqlite)
            {
                silo.AddSqliteGrainStorage("Default", o => o.FilePath = file);
                silo.UseSqliteReminders(o => o.FilePath = file);
                silo.UseSqliteEngagementLog(file);
            }
            else
            {
                silo.AddMemoryGrainStorage();
                silo.UseMemoryReminders();
                silo.UseMemoryEngagementLog(log);
            }

            silo.Configure<ForYouParams>(p =>
            {
                // About 1,500 candidates per request, as published (in-network 600, UTEG asked 800, tweet-mixer 400):
                // the social graph keeps 500 instead of 300, SimClusters reads 200 posts per community instead of 100.
                p.SocialGraphMaxCandidates = 500;
                p.SimClustersPostsPerCommunity = 200;
            });
            silo.Configure<SchedulingOptions>(SchedulingSwitch.Apply);
            if (loading)
            {
                silo.AddIncomingGrainCallFilter<SkipFanoutFilter>();
                silo.Configure<MessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(5));
            }
        });
        if (!sqlite)
        {
            var data = ForYouBenchData.Generate(users, follows, posts, views, DateTimeOffset.UtcNow);
            await ForYouBenchData.LoadAsync(cluster, data);
            pools = ViewerPools.Of(data);
            loading = false;
            var restart = Stopwatch.StartNew();
            await cluster.RestartSiloAsync();
            Console.WriteLine($"for-you: measuring silo started in {restart.Elapsed.TotalSeconds:F0} s");
        }

        GC.Collect();
        Console.WriteLine($"for-you: measuring; working set {WorkingSetMiB():N0} MiB, peak so far {PeakWorkingSetMiB():N0} MiB");
        var results = new List<BenchResult>();
        var (viewer, candidates) = await ChooseViewerAsync(cluster, pools.MostFollowing);
        results.Add(await Measured(() => SingleViewerAsync(cluster, viewer, candidates)));
        Func<Task> printStageCosts = () => Task.CompletedTask;
        results.Add(await Measured(async () =>
        {
            var (pure, print) = await PureRankingAsync(cluster, viewer, results[0]);
            printStageCosts = print;
            return pure;
        }));
        await printStageCosts(); // after the measured scenario, so its allocations are not counted in it
        results.Add(await Measured(() => ConcurrentViewersAsync(cluster, pools.Spread, TimeSpan.FromSeconds(seconds))));
        Console.WriteLine($"for-you: working set {WorkingSetMiB():N0} MiB after the runs, peak {PeakWorkingSetMiB():N0} MiB"
            + (sqlite ? $"; SQLite file {new FileInfo(file).Length / 1_048_576:N0} MiB" : ""));
        await cluster.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return results;
    }

    // Generates the data (again, for the viewer pools, when the file is reused: same shape and "now" give the same
    // data) and bulk-loads it unless the file already holds it. Only the pools outlive this method.
    private static async Task<ViewerPools> BulkLoadOrReuseAsync(string file, int users, double follows, double posts, double views)
    {
        var manifest = new ForYouBenchManifest(users, follows, posts, views, DateTimeOffset.UtcNow);
        var stored = ForYouBenchManifest.Read(file);
        var reuse = stored is not null && stored with { Now = manifest.Now } == manifest && File.Exists(file);
        var data = ForYouBenchData.Generate(users, follows, posts, views, reuse ? stored!.Now : manifest.Now);
        if (reuse)
        {
            Console.WriteLine($"for-you: reusing {file} (loaded for {stored!.Now:u}; its newest post is {(DateTimeOffset.UtcNow - stored.Now).TotalMinutes:N0} min older than when loaded)");
            return ViewerPools.Of(data);
        }

        foreach (var stale in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(stale);
        }

        ForYouBenchManifest.Delete(file);
        await ForYouBenchData.BulkLoadAsync(file, data);
        manifest.Write(file);
        Console.WriteLine($"for-you: peak working set while generating and loading {PeakWorkingSetMiB():N0} MiB; SQLite file {new FileInfo(file).Length / 1_048_576:N0} MiB");
        return ViewerPools.Of(data);
    }

    /// <summary>Among the most-followed-from viewers, the one whose request gathers closest to 1,500 candidates.</summary>
    private static async Task<(long Viewer, int Candidates)> ChooseViewerAsync(TestCluster cluster, long[] pool)
    {
        var best = (Viewer: pool[0], Candidates: 0);
        foreach (var viewer in pool)
        {
            var page = await Timeline(cluster, viewer).GetForYou(new ForYouRequest(Explain: true));
            var found = page.Stats!.Sources.Values.Sum();
            if (Math.Abs(found - 1_500) < Math.Abs(best.Candidates - 1_500))
            {
                best = (viewer, found);
            }
        }

        Console.WriteLine($"for-you: viewer {best.Viewer} gathers {best.Candidates:N0} candidates");
        return best;
    }

    private static async Task<BenchResult> SingleViewerAsync(TestCluster cluster, long viewer, int candidates)
    {
        var timeline = Timeline(cluster, viewer);
        for (var i = 0; i < 50; i++)
        {
            await timeline.GetForYou(new ForYouRequest());
        }

        var page = await timeline.GetForYou(new ForYouRequest(Explain: true));
        Console.WriteLine($"for-you: warm request: sources {Join(page.Stats!.Sources)}; hydrated {page.Stats.Hydrated}, ranked {page.Stats.Ranked}, "
            + $"{page.Items.Count(i => i.InNetwork)} of {page.Items.Count} served in-network");
        const int runs = 500;
        var latencies = new LatencyRecorder(runs);
        using var sampler = AllocationSampler.StartIfAsked();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await timeline.GetForYou(new ForYouRequest());
            latencies.Add(Stopwatch.GetTimestamp() - start);
        }

        sampler?.StopAndPrint();

        return new BenchResult($"one warm viewer, {candidates:N0} candidates, sequential", runs, clock.Elapsed, latencies.Percentile(0.5), latencies.Percentile(0.99));
    }

    /// <summary>The pure stages alone (global filters, light ranking, per-source cut, heavy ranking, heuristics, visibility, selection) on the same viewer's candidates.</summary>
    private static async Task<(BenchResult Result, Func<Task> PrintStageCosts)> PureRankingAsync(TestCluster cluster, long viewer, BenchResult full)
    {
        var services = cluster.Services;
        var pipeline = services.GetRequiredService<ForYouPipeline>();
        var parameters = services.GetRequiredService<IOptionsMonitor<ForYouParams>>().CurrentValue;
        var raw = await services.GetRequiredService<ViewerHydrator>().ReadAsync(viewer);
        var query = pipeline.CreateQuery(raw, parameters, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, new HashSet<long>(), isPaging: false);
        var config = ForYouPipelineConfig.Create(parameters, pipeline.Components);
        var found = await pipeline.FetchAsync(config, query, new PipelineStats(), CancellationToken.None);
        var (prepared, lightScores) = ForYouStages.PrepareUnscored(config, query.Ranking, found, new PipelineStats());
        var hydrated = await ForYouPipeline.HydrateAsync(config.Hydrators, query, prepared, lightScores, CancellationToken.None);
        var final = await ForYouPipeline.HydrateAsync(config.FinalHydrators, query, ForYouStages.Rank(config, query.Ranking, hydrated, new PipelineStats()), CancellationToken.None);
        var finalByPost = final.ToDictionary(c => c.PostId); // the authors as read for the viewer, replayed so that the stages stay pure
        Func<IReadOnlyList<Candidate>, Task<IReadOnlyList<Candidate>>> readAuthors =
            page => Task.FromResult<IReadOnlyList<Candidate>>(page.Select(c => finalByPost[c.PostId]).ToArray());
        IReadOnlyList<Candidate> ranked = [];
        for (var i = 0; i < 200; i++)
        {
            Pure(new PipelineStats());
        }

        const int runs = 1_000;
        var latencies = new LatencyRecorder(runs);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            Pure(new PipelineStats());
            latencies.Add(Stopwatch.GetTimestamp() - start);
        }

        void Pure(PipelineStats stats)
        {
            ForYouStages.PrepareUnscored(config, query.Ranking, found, stats); // as the pipeline runs it: light scores set by hydration
            var list = ForYouStages.Rank(config, query.Ranking, hydrated, stats);
            ranked = ForYouStages.PageAsync(config.FinalFilters, config.PageSelector, query.Ranking, list, ForYouRequest.DefaultCount, readAuthors, stats)
                .GetAwaiter().GetResult(); // completes at once: the authors are replayed
        }

        Func<Task> stageCosts = async () =>
        {
            ForYouStageCosts.Print(config, query.Ranking, found, hydrated, final);
            await ForYouStageCosts.PrintRequestAsync(pipeline, raw, parameters);
        };
        var result = new BenchResult($"pure ranking and filtering, same {found.Count:N0} candidates ({hydrated.Count:N0} hydrated, a page of {ranked.Count:N0})",
            runs, clock.Elapsed, latencies.Percentile(0.5), latencies.Percentile(0.99));
        Console.WriteLine($"for-you: full request / pure code at p50 = {full.P50Microseconds / result.P50Microseconds:F2}");
        return (result, stageCosts);
    }

    private static async Task<BenchResult> ConcurrentViewersAsync(TestCluster cluster, long[] viewers, TimeSpan duration)
    {
        await Task.WhenAll(viewers.Select(v => Timeline(cluster, v).GetForYou(new ForYouRequest())));
        await Task.WhenAll(viewers.Select(v => Timeline(cluster, v).GetForYou(new ForYouRequest())));
        var loop = await ClosedLoopMeasurement.RunAsync(viewers, duration, v => Timeline(cluster, v).GetForYou(new ForYouRequest()), 2_000_000);
        var (latencies, perViewer) = (loop.Latencies, loop.PerViewer);
        Console.WriteLine($"for-you: {Concurrency} viewers: requests served per viewer fewest {perViewer[0]:N0}, median {perViewer[perViewer.Length / 2]:N0}, "
            + $"most {perViewer[^1]:N0}; latency p99.9 {latencies.Percentile(0.999):N0} us, max {latencies.Percentile(1):N0} us");
        return new BenchResult($"{Concurrency} concurrent viewers, closed loop", loop.Count, loop.Elapsed, latencies.Percentile(0.5), latencies.Percentile(0.99));
    }

    /// <summary>Runs a scenario and prints the garbage collections and pause time it caused.</summary>
    private static async Task<BenchResult> Measured(Func<Task<BenchResult>> scenario)
    {
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var (paused, allocated) = (GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        var result = await scenario();
        Console.WriteLine($"for-you: {result.Name}: GCs gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}; "
            + $"paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:N0} ms; allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1_048_576.0:N0} MiB "
            + $"({(GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / Math.Max(1, result.Operations):N0} KiB per operation)");
        return result;
    }

    private static ITimelineGrain Timeline(TestCluster cluster, long viewer) => cluster.GrainFactory.GetGrain<ITimelineGrain>(viewer);

    private static string Join(IReadOnlyDictionary<string, int> counts) => string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));

    private static long WorkingSetMiB() => Process.GetCurrentProcess().WorkingSet64 / 1_048_576;

    private static long PeakWorkingSetMiB() => Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576;

    /// <summary>
    /// The viewers the scenarios use, so the generated data set need not be kept while measuring: the 200 users
    /// following the most accounts (the single-viewer pick) and 64 spread over the id range (the concurrent callers).
    /// </summary>
    private sealed record ViewerPools(long[] MostFollowing, long[] Spread)
    {
        public static ViewerPools Of(SampleDataSet data)
        {
            var followers = data.Follows.GroupBy(f => f.FollowerId).ToArray();
            return new ViewerPools(
                followers.OrderByDescending(g => g.Count()).Take(200).Select(g => g.Key).ToArray(),
                followers.OrderBy(g => g.Key).Where((_, i) => i % 97 == 0).Take(Concurrency).Select(g => g.Key).ToArray());
        }
    }
}
