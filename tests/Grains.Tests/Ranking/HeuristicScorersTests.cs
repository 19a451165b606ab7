using Recsys.Grains.Ranking.Scorers;
using static Recsys.Grains.Tests.Ranking.RankingData;

namespace Recsys.Grains.Tests.Ranking;

/// <summary>The heuristics of step 7 (algorithm.md 1.6, 1.9); each test fails if its scorer leaves scores alone.</summary>
[Trait("Category", "BVT")]
[Trait("Area", "Ranking")]
public sealed class HeuristicScorersTests
{
    [Fact]
    public void Replies_are_scaled_by_three_quarters_and_the_factor_is_recorded()
    {
        var scored = Rescore(new ReplyScaleScorer(0.75), Query(), [Hydrated(1, replyTo: 9, score: 2), Hydrated(2, score: 2)]);

        Assert.Equal([1.5, 2.0], scored.Select(c => c.Score));
        Assert.Equal(("ReplyScale", 0.75), (scored[0].Factors[0].Name, scored[0].Factors[0].Factor));
        Assert.Empty(scored[1].Factors);
    }

    [Fact]
    public void Verified_authors_original_posts_get_four_in_network_and_two_out_of_network_but_not_replies()
    {
        var scored = Rescore(new VerifiedAuthorScaleScorer(4, 2), Query(),
            [Hydrated(1, verified: true), Hydrated(2, inNetwork: false, verified: true), Hydrated(3, verified: true, replyTo: 9), Hydrated(4)]);

        Assert.Equal([4.0, 2.0, 1.0, 1.0], scored.Select(c => c.Score));
    }

    [Fact]
    public void Out_of_network_posts_are_scaled_but_reposts_and_followees_posts_are_not()
    {
        var scored = Rescore(new OutOfNetworkScaleScorer(0.75), Query(),
            [Hydrated(1, inNetwork: false), Hydrated(2, inNetwork: true), Hydrated(3, inNetwork: false, reposter: 7)]);

        Assert.Equal([0.75, 1.0, 1.0], scored.Select(c => c.Score));
    }

    [Fact]
    public void An_authors_posts_decay_by_rank_of_model_score_towards_the_floor()
    {
        var candidates = new[] { Hydrated(1, authorId: 5, score: 1), Hydrated(2, authorId: 5, score: 3), Hydrated(3, authorId: 5, score: 2), Hydrated(4, authorId: 6, score: 1) };

        var scored = Rescore(new AuthorDiversityScorer(0.5, 0.25), Query(), candidates);

        Assert.Equal([0.4375, 3.0, 1.25, 1.0], scored.Select(c => c.Score));
    }

    [Fact]
    public void Age_decay_is_one_plus_floor_over_two_at_the_half_life_and_nears_the_floor_for_old_posts()
    {
        var scored = Rescore(new AgeDecayScorer(360, 0.003, 0.6), Query(),
            [Hydrated(1, createdAt: Now.AddMinutes(-360)), Hydrated(2, createdAt: Now.AddDays(-10)), Hydrated(3, createdAt: Now)]);

        Assert.Equal(0.8, scored[0].Score, 12);
        Assert.Equal(0.6, scored[1].Score, 3);
        Assert.True(scored[2].Score > 0.8 && scored[2].Score < 1);
    }

    [Fact]
    public void Fatigue_older_than_the_window_discounts_from_a_fifth_recovering_by_a_fifth_every_35_days()
    {
        var fatigue = new Dictionary<long, DateTimeOffset> { [5] = Now.AddDays(-14), [6] = Now.AddDays(-49), [7] = Now.AddDays(-20), [8] = Now.AddDays(-30) };
        var candidates = new[] { Hydrated(1, authorId: 5), Hydrated(2, authorId: 6), Hydrated(3, authorId: 9, inNetwork: false, proof: [7, 8]), Hydrated(4, authorId: 9, proof: [7, 10]) };

        var scored = Rescore(new FeedbackFatigueScorer(TimeSpan.FromDays(14)), Query(Viewer(fatigue: fatigue)), candidates);

        Assert.Equal(0.2, scored[0].Score, 12);
        Assert.Equal(0.4, scored[1].Score, 12);
        Assert.Equal(0.2 + 0.2 * 16 / 35, scored[2].Score, 12); // every proof user has feedback: the largest of their multipliers
        Assert.Equal(1.0, scored[3].Score, 12);
    }

    [Fact]
    public void A_gated_heuristic_leaves_scores_alone_while_its_switch_is_off()
    {
        var scored = Rescore(new ParamGatedRescorer(new ReplyScaleScorer(0.75), () => false), Query(), [Hydrated(1, replyTo: 9)]);

        Assert.Equal(1.0, scored[0].Score);
    }

    [Fact]
    public void The_final_score_is_the_model_score_times_every_factor_and_each_factor_is_named()
    {
        var scorer = new HeuristicScorer([new ReplyScaleScorer(0.75), new OutOfNetworkScaleScorer(0.75), new AuthorDiversityScorer(0.5, 0.25)]);

        var scored = scorer.Score(Query(), [Hydrated(1, authorId: 5, inNetwork: false, replyTo: 9, score: 4), Hydrated(2, authorId: 5, inNetwork: true, score: 2)]);

        Assert.Equal(4 * 0.75 * 0.75, scored[0].Score, 12);
        Assert.Equal(["ReplyScale", "OutOfNetworkScale"], scored[0].Factors.Select(f => f.Name));
        Assert.Equal(2 * 0.625, scored[1].Score, 12);
        Assert.Equal(4, scored[0].ModelScore);
    }

    private static IReadOnlyList<Recsys.Grains.Ranking.Candidates.Candidate> Rescore(IRescorer rescorer, Recsys.Grains.Ranking.Candidates.RankingQuery query,
        IReadOnlyList<Recsys.Grains.Ranking.Candidates.Candidate> candidates) => new HeuristicScorer([rescorer]).Score(query, candidates);
}
