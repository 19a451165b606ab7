using Recsys.Grains.Models;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Models;
using Recsys.Grains.Ranking.Scorers;
using static Recsys.Grains.Tests.Ranking.RankingData;

namespace Recsys.Grains.Tests.Ranking;

/// <summary>The light and heavy rankers, the published weighted sum and curves (algorithm.md 1.5, 1.6, 1.9).</summary>
[Trait("Category", "BVT")]
[Trait("Area", "Ranking")]
public sealed class ModelsTests
{
    private static readonly double[] PublishedWeights = [0.5, 1, 13.5, 12, 0.005, 75, 11, 10, -74, -369];

    [Fact]
    public void A_positive_weighted_sum_is_shifted_by_epsilon_and_the_good_click_term_takes_the_larger_of_v1_and_v2()
    {
        double[] p = [0.1, 0, 0, 0, 0, 0, 0.01, 0.02, 0, 0];

        var score = WeightedScore.Compute(p, PublishedWeights);

        Assert.Equal(0.5 * 0.1 + 11 * 0.02 + 10 * 0.02 + 0.001, score, 12);
    }

    [Fact]
    public void A_negative_weighted_sum_lands_in_zero_to_epsilon_by_the_published_normalisation()
    {
        double[] p = [0, 0, 0, 0, 0, 0, 0, 0, 0.5, 0.1];
        var s = -74 * 0.5 - 369 * 0.1;
        const double positive = 0.5 + 1 + 13.5 + 12 + 0.005 + 75 + 11 + 10;
        const double negative = 74 + 369;

        var score = WeightedScore.Compute(p, PublishedWeights);

        Assert.Equal((s + negative) / (positive + negative) * 0.001, score, 15);
        Assert.InRange(score, 0, 0.001);
    }

    [Fact]
    public void The_default_light_ranker_carries_the_published_example_weights()
    {
        var head = LightRanker.FromCatalog(new ModelCatalog([new ModelSchema(LightRanker.ModelName, LightRanker.HeadName, LightRankerFeatures.Names)])).Head;
        var weights = head.Head.Coefficients.ToDictionary(c => c.Feature, c => c.Weight);

        Assert.Equal("default-v0", head.Model.Version);
        Assert.Equal((1.0, 1.0, 9.0, 0.3, 1.0, 0.03, 0.01),
            (weights["favorites"], weights["retweets"], weights["replies"], weights["clicks"], weights["profile_clicks"], weights["photo_expands"], weights["video_playback50"]));
    }

    [Fact]
    public void The_light_ranker_puts_a_post_followees_engaged_with_above_an_unengaged_one()
    {
        var light = LightRanker.Compile(Model(LightRanker.ModelName));
        var engaged = Candidate(1) with { Signals = new SourceSignals(EngagementCounts.Zero with { Likes = 3, Replies = 1 }, 0.5, 0, 2) };

        var scored = new LightRankerScorer(light).Score(Query(), [Candidate(2), engaged]);

        Assert.True(scored[1].LightScore > scored[0].LightScore);
        Assert.InRange(scored[0].LightScore, 0, 1);
    }

    [Fact]
    public void The_heavy_ranker_gives_ten_probabilities_and_prefers_closer_authors_and_cleaner_posts()
    {
        var heavy = HeavyRanker.Compile(Model(HeavyRanker.ModelName));
        var viewer = Viewer() is var v ? new Viewer { UserId = v.UserId, Languages = v.Languages, Follows = new Dictionary<long, double> { [100] = 0.9, [200] = 0.05 } } : null;
        var close = Hydrated(1, authorId: 100);
        var distant = Hydrated(2, authorId: 200);
        var disliked = Hydrated(3, authorId: 100, engagements: EngagementCounts.Zero with { Negative = 50, Impressions = 100 });

        var scored = new HeavyRankerScorer(heavy, PublishedWeights).Score(Query(viewer), [close, distant, disliked]);

        var explained = scored.Select(c => HeavyRankerScorer.Explain(heavy, Query(viewer), c)).ToArray();
        Assert.All(explained, e => Assert.Equal(RankingHeads.Count, e.Heads.Length));
        Assert.All(scored.Zip(explained), p => Assert.Equal(WeightedScore.Compute(p.Second.Heads, PublishedWeights), p.First.ModelScore));
        Assert.All(scored, c => Assert.Equal(c.ModelScore, c.Score));
        Assert.True(scored[0].Score > scored[1].Score, "a closer author scores higher");
        Assert.True(scored[0].Score > scored[2].Score, "a post others disliked scores lower");
        Assert.True(explained[2].Heads[(int)RankingHead.NegativeFeedback] > explained[0].Heads[(int)RankingHead.NegativeFeedback]);
    }

    [Fact]
    public void The_age_decay_and_the_diversity_discount_follow_the_published_curves()
    {
        Assert.Equal(0.8, AgeDecay.Multiplier(TimeSpan.FromMinutes(360), 360, 0.003, 0.6), 12);
        Assert.Equal([1.0, 0.625, 0.4375, 0.34375], Enumerable.Range(0, 4).Select(k => DiversityDiscount.Multiplier(k, 0.5, 0.25)));
        Assert.Equal(1.0, FatigueDiscount.Multiplier(TimeSpan.FromDays(154), TimeSpan.FromDays(14)), 12);
    }

    private static ModelFile Model(string name) => EmbeddedModels.All.Single(m => m.Name == name && m.Version == "default-v0");
}
