using Recsys.Grains.SimClusters;

namespace Recsys.Grains.Tests.SimClusters;

[Trait("Category", "BVT")]
[Trait("Area", "SimClusters")]
public sealed class SimClustersOptionsValidatorTests
{
    [Fact]
    public void ThePublishedDefaultsAreValid()
    {
        var options = new SimClustersOptions();

        Assert.True(new SimClustersOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(400, options.MaxNeighbors);
        Assert.Equal(TimeSpan.FromHours(8), options.TweetHalfLife);
        Assert.Equal(TimeSpan.FromDays(3), options.MaxTweetAge);
    }

    [Fact]
    public void NonPositiveCountsAndOutOfRangeThresholdsAreRejected()
    {
        var options = new SimClustersOptions
        {
            MaxNeighbors = 0,
            MaxNeighborShare = 0,
            Communities = -1,
            WtCoeff = double.NaN,
            MinProducerClusterCosine = 1.5,
            TweetHalfLife = TimeSpan.Zero,
        };

        var result = new SimClustersOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(6, result.Failures!.Count());
    }

    [Fact]
    public void TheJobKnobsAreCheckedToo()
    {
        var options = new SimClustersOptions
        {
            RunEvery = TimeSpan.FromSeconds(30),
            MinProducerShare = 1.5,
            InterestedInCacheCapacity = 0,
            TopPostsCheckpointInterval = TimeSpan.Zero,
        };

        var result = new SimClustersOptionsValidator().Validate(null, options);

        Assert.Equal(TimeSpan.FromDays(7), new SimClustersOptions().RunEvery);
        Assert.Equal(4, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("RunEvery", StringComparison.Ordinal));
    }
}
