using Recsys.Grains.SimClusters;

namespace Recsys.Grains.Tests.SimClusters;

[Trait("Category", "BVT")]
[Trait("Area", "SimClusters")]
public sealed class InterestedInTests
{
    private static readonly SimClustersOptions Options = new();

    // Producer p is known for cluster p / 10 + 1 with score 0.5 (producers 0..9 → cluster 1, 10..19 → cluster 2, ...).
    private static KnownForAssignment KnownFor(int producers) =>
        new(producers / 10 + 1, Enumerable.Range(0, producers).ToDictionary(p => (long)p, p => new KnownForMembership(p / 10 + 1, 0.5f)));

    [Fact]
    public void ACommunityNeedsTwoFollowedOrLikedProducers()
    {
        var knownFor = KnownFor(30);

        var vector = InterestedIn.ForUser([0, 1, 10], [(20, 1f), (21, 1f), (11, 0f)], knownFor, Options);

        Assert.Equal([1, 3], vector.Clusters.ToArray()); // cluster 2: one follow, and a like scored 0 is no proof
        Assert.True(InterestedIn.ForUser([0, 10, 20], [], knownFor, Options).IsEmpty);
    }

    [Fact]
    public void AProducerBothFollowedAndLikedCountsOnceAsSocialProof()
    {
        var vector = InterestedIn.ForUser([0], [(0, 3f)], KnownFor(10), Options);

        Assert.True(vector.IsEmpty);
    }

    [Fact]
    public void ScoresAddFollowsAndLikesWeightedByKnownForThenNormalise()
    {
        var knownFor = KnownFor(30);

        var vector = InterestedIn.ForUser([0, 1, 10, 11], [(10, 2f)], knownFor, Options);

        // cluster 1: follow 0.5 + 0.5 = 1; cluster 2: follow 1 + fav 0.5 × 2 = 2; normalised by √5.
        Assert.Equal(1.0, vector.Norm(), 5);
        Assert.Equal((float)(1 / Math.Sqrt(5)), vector.ScoreOf(1), 5);
        Assert.Equal((float)(2 / Math.Sqrt(5)), vector.ScoreOf(2), 5);
    }

    [Fact]
    public void OnlyTheTopFiftyCommunitiesAreKeptRankedByFavScoreFirst()
    {
        var knownFor = KnownFor(1000); // 100 clusters
        var followed = Enumerable.Range(0, 1000).Select(p => (long)p);
        var liked = Enumerable.Range(0, 1000).Where(p => p / 10 % 2 == 1).Select(p => ((long)p, 1f)); // clusters 2, 4, ...

        var vector = InterestedIn.ForUser(followed, liked, knownFor, Options);

        Assert.Equal(50, vector.Count);
        Assert.All(vector.Clusters, c => Assert.Equal(0, c % 2));
        Assert.Equal(1.0, vector.Norm(), 5);
    }

    [Fact]
    public void TheBatchJobAgreesWithThePerUserFunction()
    {
        var knownFor = KnownFor(30);
        var follows = FollowGraph.Build([new(100, 0), new(100, 1), new(100, 10), new(101, 20)]);
        var favs = new[] { new FavEdge(100, 11, 1f), new FavEdge(101, 21, 1f), new FavEdge(102, 0, 1f), new FavEdge(102, 2, 1f) };

        var all = InterestedIn.ForAll(follows, favs, knownFor, Options);

        Assert.Equal(InterestedIn.ForUser([0, 1, 10], [(11, 1f)], knownFor, Options), all[100]);
        Assert.Equal(InterestedIn.ForUser([20], [(21, 1f)], knownFor, Options), all[101]);
        Assert.Equal([1], all[102].Clusters.ToArray()); // likes only, no follows
    }
}
