using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Grains.Interfaces.Errors;
using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Timeline.CandidateSources;
using Recsys.Grains.Timeline.Hydrators;
using Recsys.Grains.Timeline.SideEffects;
using Recsys.Runtime;
using Recsys.Runtime.Storage;

namespace Recsys.Grains.Timeline;

/// <summary>
/// The For You timeline of one viewer. Without a cursor: reads the viewer, runs the pipeline (fed the viewer's scored
/// candidates of the last minutes, <see cref="ScoredCandidateCache"/>), keeps what it scored for reuse, keeps the ranked list
/// (at most 120) for <see cref="ForYouParams.RankedListTtl"/> and serves its first page. With the cursor of a kept
/// list: serves the next page from it after re-checking the viewer's latest feedback (so "not interested", mute,
/// block and report change the very next page). Each page reads its own candidates' authors for the viewer when it is
/// served, so blocks and suspensions on the author's side show on every page. With a cursor whose list expired or ran
/// out: runs the pipeline again without the posts served before. Every non-empty page has a next cursor. Served posts
/// and the request time are kept, and written when the grain deactivates.
/// </summary>
[GrainType("timeline")]
public sealed partial class TimelineGrain(
    [PersistentState("timeline", FlushOnDeactivate = true)] IPersistentState<TimelineState> state,
    ForYouPipeline pipeline,
    ViewerHydrator viewers,
    IOptionsMonitor<ForYouParams> parameters,
    ILogger<TimelineGrain> logger) : Grain, ITimelineGrain
{
    private readonly ScoredCandidateCache _scored = new();
    private readonly ViewerLookups _lookups = new();
    private TimelineSession? _session;

    public async Task<ForYouPage> GetForYou(ForYouRequest request)
    {
        var p = parameters.CurrentValue;
        if (request.Count < 1 || request.Count > p.MaxPageSize)
        {
            throw new ValidationException("count", $"must be between 1 and {p.MaxPageSize} (got {request.Count})");
        }

        var cursor = request.Cursor is null ? (ForYouCursor?)null : ForYouCursor.Parse(request.Cursor);
        var started = TimeProvider.GetTimestamp();
        var now = TimeProvider.GetUtcNow();
        var viewer = await viewers.ReadAsync(GrainId.GetIntegerKey());
        var lastRequest = state.State.LastRequestAt;

        IReadOnlyList<Candidate> page = [];
        var stats = new PipelineStats();
        var fromCache = false;
        if (cursor is { } c && _session is { } kept && kept.Id == c.SessionId && kept.IsFresh(now, p.RankedListTtl))
        {
            var query = pipeline.CreateQuery(viewer, p, now, lastRequest, kept.Served, isPaging: true, lookups: _lookups);
            var remaining = ForYouStages.Recheck(kept.Config, query.Ranking, kept.Remaining(), stats);
            page = await pipeline.PageAsync(kept.Config, query, remaining, request.Count, stats, CancellationToken.None);
            fromCache = page.Count > 0;
        }

        if (!fromCache)
        {
            // A fresh request, or paging past a kept list that expired or ran out: rank again without what was served.
            var served = cursor is null ? new HashSet<long>() : state.State.Served.ToHashSet();
            var config = ForYouPipelineConfig.Create(p, pipeline.Components);
            var caching = p.IsEnabled(CachedScoredCandidateSource.Instance.Id.Scope);
            var cached = caching ? _scored.Live(now, p.CachedScoredTtl, config.HeavyModel) : CachedCandidateSet.Empty;
            var query = pipeline.CreateQuery(viewer, p, now, lastRequest, served, isPaging: cursor is not null, cached, _lookups);

            // The pipeline reads no grain state: run it off this activation's turn queue, so that the thousands of
            // hydration answers continue where they arrive instead of each queueing for this one activation.
            // Queued fairly (the pool's global queue, first in, first out), not on this thread's local queue, where the
            // newest requests would overtake the older ones on a busy silo.
            var run = await Task.Factory.StartNew(() => pipeline.RunAsync(config, query, request.Count, CancellationToken.None), CancellationToken.None,
                TaskCreationOptions.PreferFairness, TaskScheduler.Default).Unwrap();
            (page, stats) = (run.Page, run.Stats);
            var reused = query.CachedByPost;
            if (caching && (run.Stats.Hydrated > 0 || run.Scored.Count != cached.Count))
            {
                // Nothing scored afresh and nothing dropped: the cache already holds exactly these (the signs, which
                // decide what is kept, do not change with the heuristics), so it is not rewritten.
                _scored.Write(run.Scored, reused, query.Ranking, config.HeavyModel, p.CachedScoredMax);
            }
            else if (!caching)
            {
                _scored.Clear();
            }

            _session = new TimelineSession(Random.Shared.NextInt64(1, long.MaxValue), query.Ranking, config, run.Ranked, viewer.Context.RealGraphModel, reused);
        }

        var session = _session!;
        var ranking = new ServedRanking(session.Query, session.Config.HeavyModel, session.Config.LightModel.Version, session.Served.Count, session.Reused);
        session.MarkServed(page);
        RunSideEffects(session, new ServedPage(session.Query with { Now = now }, page, state.State, p, ranking));
        var next = page.Count > 0 ? new ForYouCursor(session.Id, session.Pages).ToString() : null;
        var items = page.Select(i => ForYouExplainer.ToItem(i, session, ranking, request.Explain, fromCache)).ToArray();

        var elapsed = TimeProvider.GetElapsedTime(started);
        if (elapsed > ForYouPipelineConfig.LatencyAlertThreshold)
        {
            Log.SlowRequest(logger, GrainId.GetIntegerKey(), elapsed.TotalMilliseconds, stats.Hydrated);
        }

        return new ForYouPage(items, next, request.Explain ? stats.ToContract(fromCache) : null);
    }

    private void RunSideEffects(TimelineSession session, ServedPage page)
    {
        foreach (var sideEffect in session.Config.SideEffects)
        {
            try
            {
                sideEffect.Run(page);
            }
            catch (Exception exception)
            {
                Log.SideEffectFailed(logger, exception, sideEffect.Id.Name, GrainId.GetIntegerKey());
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = (int)Logging.DomainEventCode.TimelineSideEffectFailed, Level = LogLevel.Warning,
            Message = "Side effect {SideEffect} failed for viewer {ViewerId}; the page was served")]
        public static partial void SideEffectFailed(ILogger logger, Exception exception, string sideEffect, long viewerId);

        [LoggerMessage(EventId = (int)Logging.DomainEventCode.TimelineSlowRequest, Level = LogLevel.Warning,
            Message = "For You request of viewer {ViewerId} took {ElapsedMs:0} ms ({Hydrated} candidates hydrated), over the alert threshold")]
        public static partial void SlowRequest(ILogger logger, long viewerId, double elapsedMs, int hydrated);
    }
}
