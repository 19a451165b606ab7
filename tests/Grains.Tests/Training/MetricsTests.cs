using Recsys.Grains.Training.Evaluation;

namespace Recsys.Grains.Tests.Training;

[Trait("Category", "BVT")]
[Trait("Area", "Training")]
public sealed class MetricsTests
{
    [Fact]
    public void Auc_matches_the_hand_counted_pairs()
    {
        // Positives 0.35 and 0.8, negatives 0.1 and 0.4: of the four (positive, negative) pairs, 0.35 > 0.1, 0.35 < 0.4,
        // 0.8 > 0.1 and 0.8 > 0.4 — three of four ordered correctly.
        var auc = Auc.Compute([0.1, 0.4, 0.35, 0.8], [false, false, true, true]);

        Assert.Equal(0.75, auc);
    }

    [Fact]
    public void Auc_counts_a_tie_as_half_a_pair()
    {
        // Positives 0.5 and 0.9, negatives 0.5 and 0.2: the pairs score 0.5 (tie), 1, 1, 1, so 3.5 / 4.
        var auc = Auc.Compute([0.5, 0.5, 0.2, 0.9], [true, false, false, true]);

        Assert.Equal(0.875, auc);
    }

    [Fact]
    public void Auc_is_undefined_without_both_classes_and_inverted_scores_give_its_complement()
    {
        Assert.Null(Auc.Compute([0.2, 0.4], [true, true]));
        Assert.Equal(0.25, Auc.Compute([-0.1, -0.4, -0.35, -0.8], [false, false, true, true]));
    }

    [Fact]
    public void Log_loss_is_the_mean_cross_entropy_and_a_certain_miss_is_clipped()
    {
        var loss = LogLoss.Compute([0.9, 0.2], [true, false]);
        var miss = LogLoss.Compute([0.0], [true]);

        Assert.Equal((-Math.Log(0.9) - Math.Log(0.8)) / 2, loss!.Value, 12);
        Assert.Equal(-Math.Log(LogLoss.Clip), miss!.Value, 9);
        Assert.Null(LogLoss.Compute([], []));
    }
}
