using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Grains.SimClusters;

namespace Recsys.Grains.Tests.SimClusters;

[Trait("Category", "BVT")]
[Trait("Area", "SimClusters")]
public sealed class SimClustersComputationTests
{
    [Fact]
    public void MinFollowersDropsToTheCountTheProducerShareReachesButNeverBelowTwo()
    {
        // Producers 1..10 with 1..10 followers.
        var edges = Enumerable.Range(1, 10).SelectMany(p => Enumerable.Range(0, p).Select(c => new FollowEdge(100 + c, p))).ToList();
        var graph = FollowGraph.Build(edges);

        Assert.Equal(8, SimClustersComputation.EffectiveMinFollowers(graph, new SimClustersOptions { MinProducerShare = 0.3 }));
        Assert.Equal(5, SimClustersComputation.EffectiveMinFollowers(graph, new SimClustersOptions { MinFollowers = 5, MinProducerShare = 0.3 }));
        Assert.Equal(2, SimClustersComputation.EffectiveMinFollowers(graph, new SimClustersOptions { MinProducerShare = 1 }));
        Assert.Equal(400, SimClustersComputation.EffectiveMinFollowers(graph, new SimClustersOptions { MinProducerShare = 0 }));
    }

    [Fact]
    public void TheComputationClustersTwoCliquesAndGivesTheirFollowersInterests()
    {
        // Consumers 100..119 follow producers 1..5 and like producer 1; consumers 200..219 follow producers 6..10.
        var inputs = Enumerable.Range(0, 20).SelectMany(c => new[]
        {
            new UserSimClustersInput(100 + c, [1, 2, 3, 4, 5], [new LikedProducer(1, 2f)]),
            new UserSimClustersInput(200 + c, [6, 7, 8, 9, 10], []),
        }).ToArray();
        var options = new SimClustersOptions { MinFollowers = 5, Communities = 4, MinFollowersForProducerEmbedding = 5 };

        var result = SimClustersComputation.Run(inputs, previous: null, options);

        var (a, b) = (result.KnownFor.Producers[1].Cluster, result.KnownFor.Producers[6].Cluster);
        Assert.NotEqual(a, b);
        Assert.Equal((10, 200, 20), (result.ClusteredProducers, result.FollowEdges, result.LikeEdges));
        Assert.Equal([a], result.InterestedIn[100].Clusters.ToArray());
        Assert.Equal([b], result.InterestedIn[219].Clusters.ToArray());
        Assert.Equal(1f, result.InterestedIn[100].Scores[0], 5);
        Assert.Equal([a], result.ProducerEmbeddings[3].Clusters.ToArray());
    }

    [Fact]
    public void AStoredAssignmentRoundTripsThroughItsSnapshot()
    {
        var assignment = new KnownForAssignment(7, new Dictionary<long, KnownForMembership>
        {
            [42] = new(3, 0.5f),
            [7] = new(7, 1f),
        });

        var snapshot = KnownForSnapshots.ToSnapshot(assignment, modelVersion: 4, DateTimeOffset.UnixEpoch);
        var back = KnownForSnapshots.ToAssignment(snapshot);

        Assert.Equal([7L, 42], snapshot.Producers);
        Assert.Equal((4, 7), (snapshot.ModelVersion, back.ClusterCount));
        Assert.Equal(assignment.Producers.OrderBy(p => p.Key), back.Producers.OrderBy(p => p.Key));
    }
}
