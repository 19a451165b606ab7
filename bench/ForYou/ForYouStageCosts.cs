using System.Diagnostics;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Filters;
using Recsys.Grains.Ranking.Selectors;
using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Timeline;
using Recsys.Grains.Timeline.Hydrators;

namespace Recsys.Bench.ForYou;

/// <summary>
/// Each pure component of the For You pipeline alone, on the inputs it sees in the pipeline: microseconds and bytes
/// allocated per call (this thread only), averaged over <c>runs</c> calls, so a change can be aimed at the stage
/// that costs.
/// </summary>
public static class ForYouStageCosts
{
    /// <summary>
    /// The request's grain-facing steps alone, on a warm silo: the query, the followee engagements, each source, each
    /// hydrator, the whole pipeline run, with the process's allocations (nothing else runs while this measures).
    /// </summary>
    public static async Task PrintRequestAsync(ForYouPipeline pipeline, RankingViewer raw, ForYouParams parameters, int runs = 100)
    {
        var rows = new List<(string Stage, double Micros, double KiB)>();
        TimelineQuery NewQuery() => pipeline.CreateQuery(raw, parameters, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, new HashSet<long>(), isPaging: false);

        async Task Step<T>(string stage, Func<Task<T>> setup, Func<T, Task> run)
        {
            for (var i = 0; i < 10; i++)
            {
                await run(await setup());
            }

            double ticks = 0, bytes = 0;
            for (var i = 0; i < runs; i++)
            {
                var input = await setup();
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var start = Stopwatch.GetTimestamp();
                await run(input);
                ticks += Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                bytes += GC.GetTotalAllocatedBytes(precise: true) - before;
            }

            rows.Add((stage, ticks / runs, bytes / 1024.0 / runs));
        }

        async Task<TimelineQuery> ReadQuery()
        {
            var query = NewQuery();
            await query.FolloweeEngagements;
            return query;
        }

        var config = ForYouPipelineConfig.Create(parameters, pipeline.Components);
        await Step("create config", () => Task.FromResult(0), _ => Task.FromResult(ForYouPipelineConfig.Create(parameters, pipeline.Components)));
        await Step("create query (viewer sets)", () => Task.FromResult(0), _ => Task.FromResult(NewQuery()));
        await Step("followee engagements", () => Task.FromResult(NewQuery()), q => q.FolloweeEngagements);
        foreach (var step in config.CandidateSources)
        {
            await Step($"source {step.Source.Id.Name}", ReadQuery, q => step.Source.FetchAsync(q, CancellationToken.None));
        }

        var sample = await ReadQuery();
        var found = await pipeline.FetchAsync(config, sample, new PipelineStats(), CancellationToken.None);
        var (prepared, lightScores) = ForYouStages.PrepareUnscored(config, sample.Ranking, found, new PipelineStats());
        foreach (var hydrator in config.Hydrators)
        {
            await Step($"hydrator {hydrator.Id.Name} (alone)", ReadQuery, q => hydrator.HydrateAsync(q, new HydrationDraft(prepared), CancellationToken.None));
        }

        await Step("hydration step (all, one copy)", ReadQuery, q => ForYouPipeline.HydrateAsync(config.Hydrators, q, prepared, lightScores, CancellationToken.None));
        await Step("pipeline run (whole)", () => Task.FromResult(NewQuery()), q => pipeline.RunAsync(config, q, ForYouRequest.DefaultCount, CancellationToken.None));
        Console.WriteLine($"for-you: request steps alone ({runs} calls each): microseconds and KiB allocated per call");
        foreach (var (stage, micros, kib) in rows)
        {
            Console.WriteLine($"for-you:   {stage,-48} {micros,8:F1} us {kib,8:F1} KiB");
        }
    }

    public static void Print(ForYouPipelineConfig config, RankingQuery query, IReadOnlyList<Candidate> found,
        IReadOnlyList<Candidate> hydrated, IReadOnlyList<Candidate> final, int runs = 300)
    {
        var rows = new List<(string Stage, double Micros, double KiB)>();

        IReadOnlyList<Candidate> Step(string stage, IReadOnlyList<Candidate> input, Func<IReadOnlyList<Candidate>, IReadOnlyList<Candidate>> run)
        {
            var output = run(input);
            for (var i = 0; i < 20; i++)
            {
                run(input);
            }

            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < runs; i++)
            {
                run(input);
            }

            var micros = Stopwatch.GetElapsedTime(start).TotalMicroseconds / runs;
            rows.Add((stage, micros, (GC.GetAllocatedBytesForCurrentThread() - bytes) / 1024.0 / runs));
            return output;
        }

        IReadOnlyList<Candidate> Filters(string stage, IReadOnlyList<IFilter> filters, IReadOnlyList<Candidate> input)
        {
            foreach (var filter in filters)
            {
                input = Step($"{stage} {filter.Id.Name}", input, c => filter.Apply(query, c).Kept);
            }

            return input;
        }

        IReadOnlyList<Candidate> Selector(ISelector selector, IReadOnlyList<Candidate> input) =>
            Step($"select {selector.Id.Name}", input, c => selector.Select(query, c).Kept);

        var candidates = Selector(config.PostCandidateSelector, found);
        candidates = Filters("global", config.GlobalFilters, candidates);
        Step("score LightRanker (copying)", candidates, c => config.LightRanker.Score(query, c));
        Step("prepare, whole (dedup, filters, light, limit)", found, c => ForYouStages.PrepareUnscored(config, query, c, new PipelineStats()).Candidates);
        Selector(config.PerSourceLimit, config.LightRanker.Score(query, candidates));
        candidates = Step("score HeavyRanker", hydrated, c => config.HeavyRanker.Score(query, c));
        candidates = Step("score Heuristics", candidates, c => config.Heuristics.Score(query, c));
        candidates = Filters("post-scoring", config.PostScoringFilters, candidates);
        candidates = Filters("visibility", config.VisibilityFilters, candidates);
        foreach (var selector in config.Selectors)
        {
            candidates = Selector(selector, candidates);
        }

        candidates = Filters("final", config.FinalFilters, final);
        Selector(config.PageSelector, candidates);
        Console.WriteLine($"for-you: pure stages alone ({runs} calls each): microseconds and KiB allocated per call");
        foreach (var (stage, micros, kib) in rows)
        {
            Console.WriteLine($"for-you:   {stage,-48} {micros,8:F1} us {kib,8:F1} KiB");
        }

        Console.WriteLine($"for-you:   {"total",-48} {rows.Sum(r => r.Micros),8:F1} us {rows.Sum(r => r.KiB),8:F1} KiB");
    }
}
