using Recsys.Grains.Ranking.Filters;
using Recsys.Grains.Ranking.Models;
using Recsys.Grains.Ranking.Scorers;
using Recsys.Grains.Ranking.Selectors;
using Recsys.Grains.Timeline.CandidateSources;
using Recsys.Grains.Timeline.Gates;
using Recsys.Grains.Timeline.Hydrators;
using Recsys.Grains.Timeline.SideEffects;

namespace Recsys.Grains.Timeline;

/// <summary>
/// The For You pipeline, declared: its components in execution order, the fail-open policy of each candidate
/// source, the quality limits and the latency objectives. <see cref="ForYouPipeline"/> runs it; rules: sources run
/// in parallel, each bounded by its timeout (<see cref="ForYouParams.TimeoutOf"/>); filters run in the order listed, cheapest
/// first; heuristics multiply the model score; every filter and selector reports what it removed. Built per request
/// from the params snapshot and the models active at that moment; a component whose scope is listed in
/// <see cref="ForYouParams.DisabledComponents"/> is wrapped off.
/// </summary>
public sealed class ForYouPipelineConfig
{
    /// <summary>The latency objective of one warm request at p50 (issue 9).</summary>
    public static readonly TimeSpan LatencyObjectiveP50 = TimeSpan.FromMilliseconds(10);

    /// <summary>A request slower than this is logged as breaching the objective (ours: published home averages under 1.5 s, algorithm.md 9).</summary>
    public static readonly TimeSpan LatencyAlertThreshold = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// 2. Candidate sources, in declared order (a post found by two keeps the first one's copy); all fail-open. The
    /// viewer's cached scored candidates come first, and each other source runs only while few of its candidates are cached.
    /// </summary>
    public required IReadOnlyList<CandidateSourceStep> CandidateSources { get; init; }

    /// <summary>3. Duplicates across sources.</summary>
    public required ISelector PostCandidateSelector { get; init; }

    /// <summary>3. Global filters, cheapest first (algorithm.md 1.4).</summary>
    public required IReadOnlyList<IFilter> GlobalFilters { get; init; }

    /// <summary>4. Light ranking, then the quality limit: the best 500 per source.</summary>
    public required IModelScorer LightRanker { get; init; }

    public required IScoreSelector PerSourceLimit { get; init; }

    /// <summary>5. Hydration from Post and User grains, in order (posts first: they name the authors).</summary>
    public required IReadOnlyList<ICandidateHydrator> Hydrators { get; init; }

    /// <summary>6. The heavy ranker and the weighted score.</summary>
    public required IModelScorer HeavyRanker { get; init; }

    /// <summary>7. Heuristic re-scoring (algorithm.md 1.6), then the anti-gaming rule on out-of-network authors.</summary>
    public required IModelScoreRescorer Heuristics { get; init; }

    public required IReadOnlyList<IFilter> PostScoringFilters { get; init; }

    /// <summary>8. Visibility (algorithm.md 1.7, 1.8).</summary>
    public required IReadOnlyList<IFilter> VisibilityFilters { get; init; }

    /// <summary>8. Selection of the ranked list the pages are cut from (at most 120 kept: the published result caps).</summary>
    public required IReadOnlyList<ISelector> Selectors { get; init; }

    /// <summary>8. The final list's authors read for this viewer, and the visibility rules that need them.</summary>
    public required IReadOnlyList<ICandidateHydrator> FinalHydrators { get; init; }

    public required IReadOnlyList<IFilter> FinalFilters { get; init; }

    /// <summary>9. Re-checked on each page served from the kept ranked list: the viewer's latest feedback applies at once.</summary>
    public required IReadOnlyList<IFilter> PageFilters { get; init; }

    /// <summary>8-9. Out-of-network debunching, last on the ranked list and again on each kept page.</summary>
    public required ISelector PageSelector { get; init; }

    /// <summary>9. After a page is chosen.</summary>
    public required IReadOnlyList<ISideEffect> SideEffects { get; init; }

    public required LightRanker LightModel { get; init; }

    public required HeavyRanker HeavyModel { get; init; }

    public static ForYouPipelineConfig Create(ForYouParams p, ForYouComponents c)
    {
        var light = Ranking.Models.LightRanker.FromCatalog(c.Models);
        var heavy = Ranking.Models.HeavyRanker.FromCatalog(c.Models);
        var fatigue = new FeedbackFatigueFilter(p.FatigueWindow);
        IFilter[] viewerFeedback = [fatigue, DislikedPostFilter.Instance, ViewerRelationshipFilter.Instance, MutedWordsFilter.Instance];
        return new ForYouPipelineConfig
        {
            CandidateSources =
            [
                Source(p, CachedScoredCandidateSource.Instance),
                Source(p, UnlessCached(Reading(c.InNetwork))),
                Source(p, UnlessCached(Reading(c.SocialGraph))),
                Source(p, UnlessCached(Reading(c.SimClusters))),
                Source(p, UnlessCached(new GatedCandidateSource(Reading(c.Popular), NewOrReturningUserGate.Instance))),
                Source(p, UnlessCached(new ParamGatedCandidateSource(Reading(c.FollowRecommendation), q => q.EnableFollowRecommendationSource))),
                .. c.Additional.Select(s => Source(p, UnlessCached(Reading(s)))),
            ],
            PostCandidateSelector = DropDuplicateCandidatesSelector.Instance,
            GlobalFilters = Switch(p,
            [
                ViewerOwnPostFilter.Instance, RepostDeduplicationFilter.Instance, PreviouslySeenFilter.Instance,
                PreviouslyServedFilter.Instance, DislikedPostFilter.Instance, fatigue,
            ]),
            LightRanker = new LightRankerScorer(light),
            PerSourceLimit = new KeepTopPerSourceSelector(p.MaxTweetsToScore),
            Hydrators = [c.PostHydrator, c.AuthorHydrator, SocialProofHydrator.Instance],
            HeavyRanker = new HeavyRankerScorer(heavy, p.HeadWeights),
            Heuristics = new HeuristicScorer(Switch(p, new IRescorer[]
            {
                new ReplyScaleScorer(p.ReplyScale),
                new VerifiedAuthorScaleScorer(p.VerifiedInNetworkScale, p.VerifiedOutOfNetworkScale),
                new OutOfNetworkScaleScorer(p.OutOfNetworkScale),
                new AuthorDiversityScorer(p.AuthorDiversityDecay, p.AuthorDiversityFloor),
                new AgeDecayScorer(p.AgeDecayHalfLifeMinutes, p.AgeDecaySlope, p.AgeDecayFloor),
                new FeedbackFatigueScorer(p.FatigueWindow),
            })),
            PostScoringFilters = Switch(p, [new AntiGamingFilter(p.AntiGamingMaxTweepcred, p.AntiGamingMaxPerAuthor)]),
            VisibilityFilters = Switch(p,
            [
                UnavailableFilter.Instance, ViewerOwnPostFilter.Instance, .. viewerFeedback, SensitiveMediaFilter.Instance,
                HealthLabelFilter.Instance, SocialContextFilter.Instance, DuplicateConversationFilter.Instance,
            ]),
            Selectors =
            [
                KeepBestOutOfNetworkPerAuthorSelector.Instance, SortByScoreSelector.Instance,
                new DropExcessCandidatesSelector(p.MaxInNetworkResults, p.MaxOutOfNetworkResults, p.ServerMaxResults),
            ],
            FinalHydrators = [c.AuthorRelationHydrator],
            FinalFilters = Switch(p, [UnavailableFilter.Instance, AuthorRelationshipFilter.Instance]),
            PageFilters = Switch(p, [PreviouslySeenFilter.Instance, .. viewerFeedback]),
            PageSelector = new DebunchOutOfNetworkSelector(p.MaxConsecutiveOutOfNetwork),
            SideEffects = [RecordServedSideEffect.Instance, .. c.SideEffects],
            LightModel = light,
            HeavyModel = heavy,
        };
    }

    /// <summary>Filter scopes a served candidate passed, in order (explain output).</summary>
    public IReadOnlyList<string> FiltersPassed =>
        GlobalFilters.Select(f => f.Id.Scope).Append(PerSourceLimit.Id.Scope)
            .Concat(PostScoringFilters.Select(f => f.Id.Scope)).Concat(VisibilityFilters.Select(f => f.Id.Scope))
            .Concat(Selectors.Select(s => s.Id.Scope)).Concat(FinalFilters.Select(f => f.Id.Scope)).Append(PageSelector.Id.Scope).ToArray();

    private static CandidateSourceStep Source(ForYouParams p, ICandidateSource source) =>
        new(new ParamGatedCandidateSource(source, q => q.IsEnabled(source.Id.Scope)), p.TimeoutOf(source.Id.Name), FailOpen: true);

    private static ICandidateSource UnlessCached(ICandidateSource source) => new GatedCandidateSource(source, new MinCachedCandidatesGate(source.Id));

    // A source that runs starts the followee-engagement read beside it (the social-proof hydrator uses it on what it
    // finds). Innermost, past every gate: a source whose own gate is shut (Popular for a regular user, the follow
    // recommendations when off) must not start the read, or every refresh served from the cache would still make it.
    private static ICandidateSource Reading(ICandidateSource source) => new FolloweeEngagementsReadingCandidateSource(source);

    private static IReadOnlyList<IFilter> Switch(ForYouParams p, IReadOnlyList<IFilter> filters) =>
        filters.Select(f => (IFilter)new ParamGatedFilter(f, () => p.IsEnabled(f.Id.Scope))).ToArray();

    private static IReadOnlyList<IRescorer> Switch(ForYouParams p, IReadOnlyList<IRescorer> rescorers) =>
        rescorers.Select(r => (IRescorer)new ParamGatedRescorer(r, () => p.IsEnabled(r.Id.Scope))).ToArray();
}

/// <summary>A candidate source as the pipeline runs it: bounded by a timeout, and skipped (logged) when it fails or times out.</summary>
public sealed record CandidateSourceStep(ICandidateSource Source, TimeSpan Timeout, bool FailOpen);
