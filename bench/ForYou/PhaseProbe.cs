using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Timeline;
using Recsys.Grains.Timeline.Hydrators;
using Recsys.Runtime.Testing;

namespace Recsys.Bench.ForYou;

/// <summary>Scratch: times each phase of one viewer's request.</summary>
public static class PhaseProbe
{
    public static async Task RunAsync(TestCluster cluster, long viewer)
    {
        await AllocationsAsync(cluster, viewer);
        var services = cluster.Services;
        var grains = cluster.GrainFactory;
        var pipeline = services.GetRequiredService<ForYouPipeline>();
        var p = services.GetRequiredService<IOptionsMonitor<ForYouParams>>().CurrentValue;
        for (var round = 0; round < 3; round++)
        {
            var t = Stopwatch.StartNew();
            var raw = await services.GetRequiredService<ViewerHydrator>().ReadAsync(viewer);
            var tViewer = t.Elapsed.TotalMilliseconds;
            t.Restart();
            await grains.GetGrain<IUserGrain>(viewer).GetViewerContext();
            var tContext = t.Elapsed.TotalMilliseconds;
            t.Restart();
            var query = pipeline.CreateQuery(raw, p, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, new HashSet<long>(), false);
            var config = ForYouPipelineConfig.Create(p, pipeline.Components);
            var tConfig = t.Elapsed.TotalMilliseconds;
            var times = new List<string>();
            foreach (var step in config.CandidateSources)
            {
                t.Restart();
                var q2 = pipeline.CreateQuery(raw, p, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, new HashSet<long>(), false);
                var found = await step.Source.FetchAsync(q2, CancellationToken.None);
                times.Add($"{step.Source.Id.Name}={t.Elapsed.TotalMilliseconds:F2}ms/{found.Count}");
            }

            t.Restart();
            var eng = await query.FolloweeEngagements;
            var tEng = t.Elapsed.TotalMilliseconds;
            var stats = new PipelineStats();
            var all = await pipeline.FetchAsync(config, query, stats, CancellationToken.None);
            t.Restart();
            var prepared = ForYouStages.Prepare(config, query.Ranking, all, stats);
            var tPrep = t.Elapsed.TotalMilliseconds;
            t.Restart();
            var posts = await config.Hydrators[0].HydrateAsync(query, prepared, CancellationToken.None);
            var tPosts = t.Elapsed.TotalMilliseconds;
            t.Restart();
            var authors = await config.Hydrators[1].HydrateAsync(query, posts, CancellationToken.None);
            var tAuthors = t.Elapsed.TotalMilliseconds;
            t.Restart();
            var rankedList = ForYouStages.Rank(config, query.Ranking, authors, stats);
            var tRankOnly = t.Elapsed.TotalMilliseconds;
            t.Restart();
            await ForYouPipeline.HydrateAsync(config.FinalHydrators, query, rankedList, CancellationToken.None);
            var tRelations = t.Elapsed.TotalMilliseconds;
            t.Restart();
            await grains.GetGrain<ITimelineGrain>(viewer).GetForYou(new ForYouRequest());
            var tFull = t.Elapsed.TotalMilliseconds;
            Console.WriteLine($"probe: viewer {tViewer:F2} context {tContext:F2} config {tConfig:F2} {string.Join(" ", times)} followeeEng {tEng:F2} ({eng.Posts.Count}) prepare {tPrep:F2} posts {tPosts:F2} ({prepared.Count}) authors {tAuthors:F2} rank {tRankOnly:F2} relations {tRelations:F2} full {tFull:F2}; follows {raw.Context.Follows.Count} impressions {raw.Context.Impressions.Count}");
        }
    }

    private static async Task AllocationsAsync(TestCluster cluster, long viewer)
    {
        var services = cluster.Services;
        var pipeline = services.GetRequiredService<ForYouPipeline>();
        var p = services.GetRequiredService<IOptionsMonitor<ForYouParams>>().CurrentValue;
        var raw = await services.GetRequiredService<ViewerHydrator>().ReadAsync(viewer);
        var query = pipeline.CreateQuery(raw, p, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, new HashSet<long>(), false);
        var config = ForYouPipelineConfig.Create(p, pipeline.Components);
        var found = await pipeline.FetchAsync(config, query, new PipelineStats(), CancellationToken.None);
        var stats = new PipelineStats();
        long Measure(string name, Action run)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            run();
            var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            Console.WriteLine($"alloc: {name} {bytes / 1024.0:N0} KiB");
            return bytes;
        }

        IReadOnlyList<Recsys.Grains.Ranking.Candidates.Candidate> c = found;
        var q = query.Ranking;
        Measure("dedup", () => c = ForYouStages.Select(config.PostCandidateSelector, q, c, stats));
        foreach (var f in config.GlobalFilters)
        {
            Measure(f.Id.Scope, () => c = ForYouStages.Filter([f], q, c, stats));
        }

        Measure("light", () => c = config.LightRanker.Score(q, c));
        Measure("perSource", () => c = ForYouStages.Select(config.PerSourceLimit, q, c, stats));
        var hydrated = await ForYouPipeline.HydrateAsync(config.Hydrators, query, c, CancellationToken.None);
        c = hydrated;
        Measure("heavy", () => c = config.HeavyRanker.Score(q, c));
        Measure("heuristics", () => c = config.Heuristics.Score(q, c));
        foreach (var f in config.PostScoringFilters.Concat(config.VisibilityFilters))
        {
            Measure(f.Id.Scope, () => c = ForYouStages.Filter([f], q, c, stats));
        }

        foreach (var s in config.Selectors)
        {
            Measure(s.Id.Scope, () => c = ForYouStages.Select(s, q, c, stats));
        }
    }
}
