using Recsys.Grains.SimClusters;

namespace Recsys.Grains.Tests.SimClusters;

[Trait("Category", "BVT")]
[Trait("Area", "SimClusters")]
public sealed class NormalizedMutualInformationTests
{
    private static Dictionary<long, int> Labels(params int[] labels) =>
        labels.Select((label, i) => (label, i)).ToDictionary(x => (long)x.i, x => x.label);

    [Fact]
    public void TheSamePartitionUnderOtherNamesScoresOne()
    {
        Assert.Equal(1.0, NormalizedMutualInformation.Compute(Labels(0, 0, 1, 1, 2, 2), Labels(5, 5, 9, 9, 1, 1)), 9);
    }

    [Fact]
    public void IndependentLabellingsScoreZero()
    {
        Assert.Equal(0.0, NormalizedMutualInformation.Compute(Labels(0, 0, 1, 1), Labels(0, 1, 0, 1)), 9);
    }

    [Fact]
    public void SplittingEachClusterInTwoScoresBetweenZeroAndOne()
    {
        var nmi = NormalizedMutualInformation.Compute(Labels(0, 0, 0, 0, 1, 1, 1, 1), Labels(0, 0, 1, 1, 2, 2, 3, 3));

        // I = ln 2, H(truth) = ln 2, H(predicted) = ln 4, so NMI = 2 ln 2 / 3 ln 2.
        Assert.Equal(2.0 / 3.0, nmi, 9);
    }

    [Fact]
    public void ItemsMissingFromThePredictionCountAsOneUnlabelledClass()
    {
        var truth = Labels(0, 0, 1, 1);
        var predicted = new Dictionary<long, int> { [0] = 7, [1] = 7 };

        Assert.True(NormalizedMutualInformation.Compute(truth, predicted) == 1.0); // {2,3} form the unlabelled class
        Assert.True(NormalizedMutualInformation.Compute(truth, new Dictionary<long, int> { [0] = 7 }) < 1.0);
    }
}
