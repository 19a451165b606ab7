using Recsys.Grains.Models;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Models;
using Recsys.Grains.Ranking.Scorers;
using Recsys.Grains.Timeline;
using Recsys.Grains.Timeline.Gates;
using static Recsys.Grains.Tests.Ranking.RankingData;

namespace Recsys.Grains.Tests.Timeline;

[Trait("Category", "BVT")]
[Trait("Area", "ForYou")]
public sealed class ScoredCandidateCacheTests
{
    private static readonly HeavyRanker Model = DefaultHeavyRanker;

    private static readonly TimeSpan Ttl = ForYouParams.DefaultCachedScoredTtl;

    [Fact]
    public void A_write_keeps_the_best_candidates_above_zero_at_most_the_maximum()
    {
        var cache = new ScoredCandidateCache();
        var scored = List(Scored(1, 0.2), Scored(2, 0.9), Scored(3, 0), Scored(4, -1), Scored(5, 0.5), Scored(6, 0.7));

        cache.Write(scored, Reused(), Query(), Model, max: 3);

        Assert.Equal([2L, 6L, 5L], cache.Live(Now, Ttl, Model).Select(e => e.Candidate.PostId));
        Assert.All(cache.Live(Now, Ttl, Model), e => Assert.Equal(Now, e.ScoredAt));
    }

    [Fact]
    public void Equal_scores_keep_list_order()
    {
        var cache = new ScoredCandidateCache();

        cache.Write(List(Scored(7, 0.5), Scored(3, 0.5), Scored(9, 0.8), Scored(1, 0.5)), Reused(), Query(), Model, max: 10);

        Assert.Equal([9L, 7L, 3L, 1L], cache.Live(Now, Ttl, Model).Select(e => e.Candidate.PostId));
    }

    [Fact]
    public void A_new_entry_carries_its_model_score_and_a_reused_one_stays_the_entry_it_was()
    {
        var cache = new ScoredCandidateCache();
        var unscored = Candidate(1) with { ModelScore = 0, Score = 0 };
        cache.Write(new ScoredCandidates([unscored], [0.8], [0.6], [], []), Reused(), Query(), Model, max: 10);
        var entry = Assert.Single(cache.Live(Now, Ttl, Model));
        Assert.Equal((0.8, 0.6), (entry.Candidate.ModelScore, entry.Candidate.Score));

        // Scored again by a later request (another final score) beside a new one: the reused entry keeps its first scoring.
        var later = Query() with { Now = Now.AddMinutes(1) };
        var fresh = Candidate(2) with { ModelScore = 0, Score = 0 };
        cache.Write(new ScoredCandidates([entry.Candidate, fresh], [0.8, 0.5], [0.3, 0.2], [], []), Reused([entry]), later, Model, max: 10);

        var kept = cache.Live(later.Now, Ttl, Model);
        Assert.Equal([1L, 2L], kept.Select(e => e.Candidate.PostId));
        Assert.Equal(entry, kept[0]); // laid out afresh, equal in every field: the first scoring's time, query, model and scores
        Assert.Equal((later.Now, 0.5, 0.2), (kept[1].ScoredAt, kept[1].Candidate.ModelScore, kept[1].Candidate.Score));

        // A write that only drops entries keeps the others as they are.
        cache.Write(new ScoredCandidates([kept[1].Candidate], [0.5], [0.2], [], []), Reused(kept), later, Model, max: 10);
        Assert.Same(kept[1], Assert.Single(cache.Live(later.Now, Ttl, Model)));
    }

    [Fact]
    public void Each_entry_expires_a_ttl_after_it_was_scored_and_a_reused_one_keeps_its_first_scoring_time()
    {
        var cache = new ScoredCandidateCache();
        var first = Query();
        cache.Write(List(Scored(1, 0.5), Scored(2, 0.4)), Reused(), first, Model, max: 10);
        var later = first with { Now = Now.AddMinutes(2) };
        var live = cache.Live(later.Now, Ttl, Model);

        // Post 1 comes back from the cache; post 3 was scored by the later request.
        cache.Write(List(Scored(1, 0.5), Scored(3, 0.3)), Reused(live.Where(e => e.Candidate.PostId == 1)), later, Model, max: 10);

        var entries = cache.Live(later.Now, Ttl, Model).ToDictionary(e => e.Candidate.PostId);
        Assert.Equal((Now, first), (entries[1].ScoredAt, entries[1].ScoredWith));
        Assert.Equal((later.Now, later), (entries[3].ScoredAt, entries[3].ScoredWith));
        Assert.Equal([3L], cache.Live(Now.Add(Ttl), Ttl, Model).Select(e => e.Candidate.PostId));
        Assert.Empty(cache.Live(later.Now.Add(Ttl), Ttl, Model));
    }

    [Fact]
    public void Entries_scored_by_another_model_version_are_not_reused()
    {
        var cache = new ScoredCandidateCache();
        cache.Write(List(Scored(1, 0.5)), Reused(), Query(), Model, max: 10);
        var newer = HeavyRanker.Compile(EmbeddedModels.All.Single(m => m.Name == HeavyRanker.ModelName && m.Version == "default-v0") with { Version = "trained-v1" });

        Assert.Single(cache.Live(Now, Ttl, Model));
        Assert.Empty(cache.Live(Now, Ttl, newer));
    }

    [Fact]
    public void A_source_is_gated_off_once_enough_of_its_cached_candidates_are_unseen()
    {
        var p = new ForYouParams { MinCachedPerSource = 3 };
        var gate = new MinCachedCandidatesGate(InNetwork);
        var twoInNetwork = Entries((1, InNetwork), (2, InNetwork), (3, SocialGraph), (4, SocialGraph), (5, SocialGraph));
        var threeInNetwork = Entries((1, InNetwork), (2, InNetwork), (3, InNetwork));

        Assert.True(gate.ShouldRun(TimelineQueryOf(Viewer(), p, twoInNetwork)));
        Assert.False(gate.ShouldRun(TimelineQueryOf(Viewer(), p, threeInNetwork)));
        Assert.True(gate.ShouldRun(TimelineQueryOf(Viewer(impressions: [2]), p, threeInNetwork)), "a seen candidate does not count");
        Assert.False(new MinCachedCandidatesGate(SocialGraph).ShouldRun(TimelineQueryOf(Viewer(), p, twoInNetwork)));
    }

    private static Candidate Scored(long postId, double score) => Candidate(postId, score: score);

    // The candidates with their own scores beside them, as the heuristics would give them.
    private static ScoredCandidates List(params Candidate[] candidates) =>
        new(candidates, candidates.Select(c => c.ModelScore).ToArray(), candidates.Select(c => c.Score).ToArray(), [], []);

    private static Dictionary<long, CachedCandidate> Reused(IEnumerable<CachedCandidate>? entries = null) =>
        (entries ?? []).ToDictionary(e => e.Candidate.PostId);

    private static CachedCandidate[] Entries(params (long PostId, Recsys.Grains.Ranking.Identifiers.CandidateSourceId Source)[] posts) =>
        posts.Select(p => new CachedCandidate(Candidate(p.PostId, source: p.Source), Now, Query(), Model)).ToArray();

    private static TimelineQuery TimelineQueryOf(Viewer viewer, ForYouParams p, IReadOnlyList<CachedCandidate> cached) =>
        new(null!, Query(viewer), p, null, _ => Task.FromResult<FolloweeEngagements>(null!)) { Cached = cached };
}
