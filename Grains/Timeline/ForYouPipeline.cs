using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Timeline.Hydrators;

namespace Recsys.Grains.Timeline;

/// <summary>
/// Runs a <see cref="ForYouPipelineConfig"/> for one request: the candidate sources in parallel, each bounded and
/// fail-open; the pure preparation; hydration; the pure ranking; then, per page, the page's authors read for the viewer.
/// One per silo; stateless.
/// </summary>
public sealed partial class ForYouPipeline(ForYouComponents components, TimeProvider time, IOptions<ForYouParams> parameters, ILogger<ForYouPipeline> logger)
{
    private readonly SemaphoreSlim _runs = new(parameters.Value.MaxConcurrentRuns);

    public ForYouComponents Components => components;

    /// <summary>Builds the request's query from the viewer as its User grain answered.</summary>
    /// <param name="lookups">The viewer's sets kept between its requests, when the caller keeps them.</param>
    public TimelineQuery CreateQuery(RankingViewer viewer, ForYouParams parameters, DateTimeOffset now, DateTimeOffset? lastRequestAt,
        IReadOnlySet<long> served, bool isPaging, IReadOnlyList<CachedCandidate>? cached = null, ViewerLookups? lookups = null) =>
        new(viewer, new RankingQuery(ViewerHydrator.ToViewer(viewer, lookups), now, served, isPaging), parameters, lastRequestAt,
            components.FolloweeEngagements.ReadAsync) { Cached = cached ?? [] };

    /// <summary>
    /// Runs the whole pipeline and cuts the first page of <paramref name="pageSize"/> from its ranked list, at most
    /// <see cref="ForYouParams.MaxConcurrentRuns"/> at once on this silo.
    /// </summary>
    public async Task<ForYouRun> RunAsync(ForYouPipelineConfig config, TimelineQuery query, int pageSize, CancellationToken cancellation)
    {
        await _runs.WaitAsync(cancellation);
        try
        {
            var run = await RunNowAsync(config, query, cancellation);
            return run with { Page = await PageNowAsync(config, query, run.Ranked, pageSize, run.Stats, cancellation) };
        }
        finally
        {
            _runs.Release();
        }
    }

    /// <summary>
    /// A later page of a kept ranked list, its authors read for the viewer, as a run: at most
    /// <see cref="ForYouParams.MaxConcurrentRuns"/> at once with the runs.
    /// </summary>
    /// <remarks>
    /// The bound also keeps requests first come, first served: the waiters queue in order. Without it, on a busy silo
    /// the continuations of the newest requests' grain calls overtake older ones in the thread pool's local queues, and
    /// some viewers wait seconds while others are served thousands of times (measured: 74 against 10,587 requests in
    /// 20 s among 64 viewers, when a page's author reads ran outside the bound).
    /// </remarks>
    public async Task<IReadOnlyList<Candidate>> PageAsync(ForYouPipelineConfig config, TimelineQuery query, IReadOnlyList<Candidate> ranked, int pageSize,
        PipelineStats stats, CancellationToken cancellation)
    {
        await _runs.WaitAsync(cancellation);
        try
        {
            return await PageNowAsync(config, query, ranked, pageSize, stats, cancellation);
        }
        finally
        {
            _runs.Release();
        }
    }

    // Cached candidates (the query's, found again by the cached source) pass the screening like the rest, then skip the
    // light ranker, hydration and the heavy ranker: they keep the model score they were cached with (algorithm.md 1.1, step 5).
    private async Task<ForYouRun> RunNowAsync(ForYouPipelineConfig config, TimelineQuery query, CancellationToken cancellation)
    {
        var stats = new PipelineStats();
        var found = await FetchAsync(config, query, stats, cancellation);
        var onlyCached = ReferenceEquals(found, query.CachedCandidates); // every other source gated off or empty
        var screened = ForYouStages.Screen(config, query.Ranking, found, stats, distinct: onlyCached);
        var (reused, fresh) = onlyCached ? (screened, []) : SplitCached(query.CachedByPost, screened);
        var (shortlist, lightScores) = ForYouStages.Shortlist(config, query.Ranking, fresh, stats);
        var hydrated = await HydrateAsync(config.Hydrators, query, shortlist, lightScores, cancellation);
        stats.Hydrated = hydrated.Count;
        var scored = ForYouStages.Rescore(config, query.Ranking, reused, hydrated);
        var ranked = ForYouStages.Cut(config, query.Ranking, scored, stats);
        scored.ReleaseFactors(); // the ranked candidates have their own; the cache reads only the scores
        (stats.Ranked, stats.GrainCalls) = (ranked.Count, query.Calls);
        return new ForYouRun(ranked, [], scored, stats);
    }

    // Step 8, last: a page of a ranked list, its authors read for the viewer as ForYouStages.PageAsync needs them.
    private static async Task<IReadOnlyList<Candidate>> PageNowAsync(ForYouPipelineConfig config, TimelineQuery query, IReadOnlyList<Candidate> ranked, int pageSize,
        PipelineStats stats, CancellationToken cancellation)
    {
        var page = await ForYouStages.PageAsync(config.FinalFilters, config.PageSelector, query.Ranking, ranked, pageSize,
            c => HydrateAsync(config.FinalHydrators, query, c, cancellation), stats);
        stats.GrainCalls = query.Calls;
        return page;
    }

    // After de-duplication a cached post is its cached copy (the cached source is declared first).
    private static (IReadOnlyList<Candidate> Reused, IReadOnlyList<Candidate> Fresh) SplitCached(IReadOnlyDictionary<long, CachedCandidate> cached,
        IReadOnlyList<Candidate> screened)
    {
        if (cached.Count == 0)
        {
            return ([], screened);
        }

        var (reused, fresh) = (new List<Candidate>(cached.Count), new List<Candidate>(screened.Count));
        foreach (var candidate in screened)
        {
            (cached.ContainsKey(candidate.PostId) ? reused : fresh).Add(candidate);
        }

        return (reused, fresh);
    }

    /// <summary>Step 2: every source at once; one that throws or outlives its timeout is logged and skipped.</summary>
    public async Task<IReadOnlyList<Candidate>> FetchAsync(ForYouPipelineConfig config, TimelineQuery query, PipelineStats stats, CancellationToken cancellation)
    {
        var runs = config.CandidateSources.Select(step => RunSourceAsync(step, query, stats, cancellation)).ToArray();
        var results = await Task.WhenAll(runs);
        return Concat(results);
    }

    // One source with candidates (a refresh served from the cache): its list as it is, not copied.
    private static IReadOnlyList<Candidate> Concat(IReadOnlyList<Candidate>[] results)
    {
        IReadOnlyList<Candidate>? only = null;
        foreach (var result in results)
        {
            if (result.Count > 0)
            {
                if (only is not null)
                {
                    return results.SelectMany(r => r).ToArray();
                }

                only = result;
            }
        }

        return only ?? [];
    }

    /// <summary>Steps 5 and 8: hydrators in order, each seeing what the earlier ones added; each candidate is copied once.</summary>
    public static Task<IReadOnlyList<Candidate>> HydrateAsync(IReadOnlyList<ICandidateHydrator> hydrators, TimelineQuery query, IReadOnlyList<Candidate> candidates, CancellationToken cancellation) =>
        HydrateAsync(hydrators, query, candidates, null, cancellation);

    /// <summary>Hydrates, setting each candidate's light score from <paramref name="lightScores"/> (when given) in the same copy.</summary>
    public static async Task<IReadOnlyList<Candidate>> HydrateAsync(IReadOnlyList<ICandidateHydrator> hydrators, TimelineQuery query, IReadOnlyList<Candidate> candidates,
        double[]? lightScores, CancellationToken cancellation)
    {
        var draft = new HydrationDraft(candidates, lightScores);
        foreach (var hydrator in hydrators)
        {
            await hydrator.HydrateAsync(query, draft, cancellation);
        }

        return draft.Build();
    }

    private async Task<IReadOnlyList<Candidate>> RunSourceAsync(CandidateSourceStep step, TimelineQuery query, PipelineStats stats, CancellationToken cancellation)
    {
        var name = step.Source.Id.Name;
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        try
        {
            var timeout = Task.Delay(step.Timeout, time, bound.Token); // armed before the source starts
            var fetch = step.Source.FetchAsync(query, bound.Token);
            if (await Task.WhenAny(fetch, timeout) != fetch)
            {
                Observe(fetch);
                Log.SourceTimedOut(logger, name, query.ViewerId, step.Timeout.TotalMilliseconds);
                stats.SourceFailed(name, $"timed out after {step.Timeout.TotalMilliseconds:0} ms");
                return [];
            }

            var candidates = await fetch;
            stats.SourceReturned(name, candidates.Count);
            return candidates;
        }
        catch (Exception exception) when (step.FailOpen && !cancellation.IsCancellationRequested)
        {
            Log.SourceFailed(logger, exception, name, query.ViewerId);
            stats.SourceFailed(name, exception.GetType().Name + ": " + exception.Message);
            return [];
        }
        finally
        {
            await bound.CancelAsync(); // stops the timer, and tells a late source to give up
        }
    }

    private static void Observe(Task task) =>
        _ = task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private static partial class Log
    {
        [LoggerMessage(EventId = (int)Logging.DomainEventCode.TimelineSourceFailed, Level = LogLevel.Warning,
            Message = "Candidate source {Source} failed for viewer {ViewerId}; the page is served without it")]
        public static partial void SourceFailed(ILogger logger, Exception exception, string source, long viewerId);

        [LoggerMessage(EventId = (int)Logging.DomainEventCode.TimelineSourceTimedOut, Level = LogLevel.Warning,
            Message = "Candidate source {Source} took over {TimeoutMs} ms for viewer {ViewerId}; the page is served without it")]
        public static partial void SourceTimedOut(ILogger logger, string source, long viewerId, double timeoutMs);
    }
}
