using Recsys.Grains.SimClusters;

namespace Recsys.Grains.Tests.SimClusters;

[Trait("Category", "BVT")]
[Trait("Area", "SimClusters")]
public sealed class ProducerEmbeddingsTests
{
    [Fact]
    public void AProducerGetsTheCosineOfItsFollowersWithEachCommunityColumn()
    {
        // Users 1 and 2 follow producer 50; user 3 follows producer 60 only.
        var follows = FollowGraph.Build([new(1, 50), new(2, 50), new(3, 60)]);
        var interestedIn = new Dictionary<long, SparseVector>
        {
            [1] = SparseVector.FromEntries([(1, 0.6f), (2, 0.8f)]),
            [2] = SparseVector.FromEntries([(1, 1f)]),
            [3] = SparseVector.FromEntries([(2, 1f)]),
        };
        var options = new SimClustersOptions { MinFollowersForProducerEmbedding = 2 };

        var embeddings = ProducerEmbeddings.FromFollowers(follows, interestedIn, options);

        // Column 1 = (0.6, 1, 0), column 2 = (0.8, 0, 1); followers of 50 = (1, 1, 0).
        var p = embeddings[50];
        Assert.Equal((float)(1.6 / (Math.Sqrt(2) * Math.Sqrt(1.36))), p.ScoreOf(1), 5);
        Assert.Equal((float)(0.8 / (Math.Sqrt(2) * Math.Sqrt(1.64))), p.ScoreOf(2), 5);
        Assert.False(embeddings.ContainsKey(60)); // one follower, below the minimum
    }

    [Fact]
    public void SmallCosinesAreDroppedAndAtMostMaxClustersKept()
    {
        var edges = Enumerable.Range(0, 100).Select(u => new FollowEdge(u, 7)).ToList();
        var interestedIn = Enumerable.Range(0, 100).ToDictionary(
            u => (long)u,
            u => SparseVector.FromEntries(Enumerable.Range(1, 80).Select(c => (c, c == 80 ? 0.0001f : 1f))).Normalized());
        edges.Add(new FollowEdge(500, 8));
        interestedIn[500] = SparseVector.FromEntries([(80, 1f)]); // dominates column 80, so 7's cosine there is tiny
        var options = new SimClustersOptions { MinFollowersForProducerEmbedding = 1, MaxClustersPerProducer = 60 };

        var embedding = ProducerEmbeddings.FromFollowers(FollowGraph.Build(edges), interestedIn, options)[7];

        Assert.Equal(60, embedding.Count);
        Assert.DoesNotContain(80, embedding.Clusters);
        Assert.All(embedding.Scores, s => Assert.True(s >= 0.01f));
    }
}
