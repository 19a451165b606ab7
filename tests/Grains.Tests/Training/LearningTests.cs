using Recsys.Grains.Interfaces.Models;
using Recsys.Grains.Models;
using Recsys.Grains.Ranking.Models;
using Recsys.Grains.Training.Evaluation;
using Recsys.Grains.Training.Labels;
using Recsys.Grains.Training.Learning;
using static Recsys.Grains.Tests.Training.TrainingData;

namespace Recsys.Grains.Tests.Training;

[Trait("Category", "BVT")]
[Trait("Area", "Training")]
public sealed class LearningTests
{
    private static readonly ModelFile DefaultV0 = EmbeddedModels.All.Single(m => m.Name == "heavy-ranker" && m.Version == "default-v0");

    [Fact]
    public void Logistic_regression_recovers_the_coefficients_that_generated_the_labels()
    {
        var examples = Synthetic(20_000, RankingHead.Fav, seed: 7);
        var x = examples.Select(e => e.Item.Features.ToArray()).ToArray();
        var y = examples.Select(e => e.Labels[0]).ToArray();

        var fit = LogisticRegression.Fit(x, y, l2: 0.01, balanceClasses: false);

        Assert.True(fit.Converged);
        Assert.Equal(-2, fit.Intercept, 0.2);
        Assert.Equal(3, fit.Weights[0], 0.25);
        Assert.Equal(2, fit.Weights[2], 0.2);
        Assert.Equal(0, fit.Weights[10], 0.01); // age had no effect
        Assert.Equal(0, fit.Weights[5]); // a constant feature weighs nothing
    }

    [Fact]
    public void Balanced_fitting_of_a_rare_label_stays_calibrated()
    {
        var examples = Synthetic(20_000, RankingHead.Report, seed: 3, intercept: -6.5);
        var x = examples.Select(e => e.Item.Features.ToArray()).ToArray();
        var y = examples.Select(e => e.Labels[(int)RankingHead.Report]).ToArray();

        var fit = LogisticRegression.Fit(x, y, l2: 1, balanceClasses: true);

        var mean = x.Average(row => 1 / (1 + Math.Exp(-(fit.Intercept + row.Select((v, j) => v * fit.Weights[j]).Sum()))));
        var rate = y.Count(l => l) / (double)y.Length;
        Assert.InRange(rate, 0.005, 0.05);
        Assert.InRange(mean / rate, 0.75, 1.33); // the prior correction undoes the class weights
        Assert.True(fit.Weights[0] > 1 && fit.Weights[2] > 0.5);
    }

    [Fact]
    public void Trained_heads_beat_default_v0_on_held_out_data_and_heads_without_labels_keep_the_fallback()
    {
        var examples = Synthetic(6_000, RankingHead.Fav, seed: 11, realGraph: -3); // the opposite of default-v0's belief
        var (train, test, _) = TimeSplit.Split(examples, 0.7);

        var trained = HeavyRankerTrainer.Train(train, DefaultV0, new HeadTrainingSettings(1, true, 20), "trained-test");
        var candidate = HeldOutEvaluator.Evaluate(trained.Model, "candidate", test, trained.Notes);
        var baseline = HeldOutEvaluator.Evaluate(DefaultV0, "default", test);

        Assert.True(candidate.Heads[0].Auc > baseline.Heads[0].Auc + 0.1, $"{candidate.Heads[0].Auc} vs {baseline.Heads[0].Auc}");
        Assert.Null(trained.Notes[0]);
        Assert.Contains("no label source", trained.Notes[(int)RankingHead.ReplyEngagedByAuthor]);
        Assert.Contains("positives", trained.Notes[(int)RankingHead.Repost]);
        Assert.Equal(DefaultV0.Head("repost"), trained.Model.Head("repost"));
        var reread = ModelFileReader.Parse(ModelFileReader.Write(trained.Model), "round trip"); // every rule of the format holds
        Assert.Equal(candidate.Heads[0].Auc, HeldOutEvaluator.Evaluate(reread, "candidate", test).Heads[0].Auc);
    }

    [Fact]
    public void Promotion_needs_no_worse_head_and_at_least_one_better()
    {
        var active = Metrics("active", 0.70, 0.60, null);

        Assert.True(PromotionRule.Decide(Metrics("c", 0.72, 0.597, 0.9), active, 0.005, 0.001, 10).Promoted);
        var worse = PromotionRule.Decide(Metrics("c", 0.80, 0.59, 0.9), active, 0.005, 0.001, 10);
        var equal = PromotionRule.Decide(Metrics("c", 0.70, 0.60, 0.9), active, 0.005, 0.001, 10);
        var none = PromotionRule.Decide(Metrics("c", null, null, 0.9), active, 0.005, 0.001, 10);
        var noisy = new VersionMetrics("c", "c", [new("fav", 100, 10, 0.72, 0.3), new("repost", 100, 2, 0.40, 0.3), new("reply", 100, 10, 0.9, 0.3)]);
        var rare = PromotionRule.Decide(noisy, active, 0.005, 0.001, 5); // repost's 2 held-out positives are not compared

        Assert.False(worse.Promoted);
        Assert.Contains("repost (0.5900 vs 0.6000)", worse.Decision);
        Assert.False(equal.Promoted);
        Assert.False(none.Promoted);
        Assert.True(rare.Promoted, rare.Decision);
    }

    private static VersionMetrics Metrics(string version, double? fav, double? repost, double? reply) =>
        new(version, version, [new("fav", 100, 10, fav, 0.3), new("repost", 100, 10, repost, 0.3), new("reply", 100, 10, reply, 0.3)]);
}
