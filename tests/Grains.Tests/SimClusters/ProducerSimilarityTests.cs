using Recsys.Grains.SimClusters;

namespace Recsys.Grains.Tests.SimClusters;

[Trait("Category", "BVT")]
[Trait("Area", "SimClusters")]
public sealed class ProducerSimilarityTests
{
    private static IEnumerable<FollowEdge> Follows(long producer, params long[] consumers) =>
        consumers.Select(c => new FollowEdge(c, producer));

    [Fact]
    public void CosineIsTheOverlapOverTheGeometricMeanOfFollowerCounts()
    {
        var graph = FollowGraph.Build(Follows(1, 10, 11, 12).Concat(Follows(2, 11, 12, 13, 14)).Concat(Follows(3, 99)));
        var options = new SimClustersOptions { MinFollowers = 2 };

        var similarity = ProducerSimilarity.Compute(graph, options);

        Assert.Equal(2, similarity.ProducerCount); // producer 3 has one follower
        var expected = (float)(2 / Math.Sqrt(3 * 4));
        Assert.Equal([new ProducerNeighbor(2, expected)], similarity.NeighborsOf(1L));
        Assert.Equal([new ProducerNeighbor(1, expected)], similarity.NeighborsOf(2L));
        Assert.Empty(similarity.NeighborsOf(3L));
    }

    [Fact]
    public void DuplicateEdgesCountOnce()
    {
        var graph = FollowGraph.Build([new(10, 1), new(10, 1), new(11, 1)]);

        Assert.Equal(2, graph.EdgeCount);
        Assert.Equal(2, graph.FollowerCount(graph.ProducerIndex(1)));
    }

    [Fact]
    public void EveryProducerKeepsAtMostMaxNeighborsOfItsStrongest()
    {
        var planted = PlantedCommunityGraph.Generate(producers: 300, communities: 3, consumers: 3000, seed: 3);
        var graph = FollowGraph.Build(planted.Follows);
        var unbounded = ProducerSimilarity.Compute(graph, new SimClustersOptions { MinFollowers = 1, MaxNeighbors = 10_000, MaxNeighborShare = 1 });
        var options = new SimClustersOptions { MinFollowers = 1, MaxNeighbors = 7 };

        var bounded = ProducerSimilarity.Compute(graph, options);

        Assert.Equal(300, bounded.ProducerCount);
        for (var row = 0; row < bounded.ProducerCount; row++)
        {
            var id = bounded.ProducerId(row);
            var kept = bounded.NeighborsOf(id);
            Assert.InRange(kept.Count, 1, 7);
            Assert.Equal(unbounded.NeighborsOf(id).Take(7), kept);
        }
    }

    [Fact]
    public void OnASmallGraphNeighbourListsAreCappedAtAShareOfTheProducers()
    {
        var planted = PlantedCommunityGraph.Generate(producers: 300, communities: 3, consumers: 3000, seed: 3);
        var options = new SimClustersOptions { MinFollowers = 1 }; // 400 neighbours, share 0.2

        var similarity = ProducerSimilarity.Compute(FollowGraph.Build(planted.Follows), options);

        Assert.Equal(60, ProducerSimilarity.NeighborsToKeep(300, options));
        Assert.Equal(400, ProducerSimilarity.NeighborsToKeep(100_000, options));
        Assert.Equal(300 * 60, similarity.EdgeCount);
    }

    [Fact]
    public void SamplingFollowingsKeepsCosinesCloseAndIsDeterministic()
    {
        var planted = PlantedCommunityGraph.Generate(producers: 200, communities: 4, consumers: 4000, seed: 5, minFollowings: 20);
        var graph = FollowGraph.Build(planted.Follows);
        var exact = ProducerSimilarity.Compute(graph, new SimClustersOptions { MinFollowers = 1, MaxFollowingsSampledPerConsumer = 1000 });
        var sampledOptions = new SimClustersOptions { MinFollowers = 1, MaxFollowingsSampledPerConsumer = 10 };

        var sampled = ProducerSimilarity.Compute(graph, sampledOptions);
        var again = ProducerSimilarity.Compute(graph, sampledOptions);

        var (exactTop, sampledTop) = (exact.NeighborsOf(1L)[0], sampled.NeighborsOf(1L).First(n => n.Producer == exact.NeighborsOf(1L)[0].Producer));
        Assert.InRange(sampledTop.Cosine, exactTop.Cosine * 0.7f, exactTop.Cosine * 1.3f);
        Assert.Equal(sampled.NeighborsOf(1L), again.NeighborsOf(1L));
        Assert.Equal(sampled.EdgeCount, again.EdgeCount);
    }

    [Fact]
    public void EdgeWeightIsTenTimesTheSquaredCosineWhenSquared()
    {
        Assert.Equal(0.9f, ProducerSimilarity.EdgeWeight(0.3f, squareWeights: true), 6);
        Assert.Equal(0.3f, ProducerSimilarity.EdgeWeight(0.3f, squareWeights: false));
    }
}
