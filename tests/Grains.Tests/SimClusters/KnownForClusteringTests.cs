using Recsys.Grains.SimClusters;

namespace Recsys.Grains.Tests.SimClusters;

[Trait("Category", "BVT")]
[Trait("Area", "SimClusters")]
public sealed class KnownForClusteringTests
{
    private static readonly Lazy<(PlantedCommunityGraph Planted, ProducerSimilarityGraph Similarity)> Planted2000 = new(() =>
    {
        var planted = PlantedCommunityGraph.Generate(producers: 2000, communities: 20, consumers: 20_000, seed: 11);
        return (planted, ProducerSimilarity.Compute(FollowGraph.Build(planted.Follows), Options()));
    });

    private static SimClustersOptions Options() => new() { MinFollowers = 10 };

    [Fact]
    public void KnownForRecoversPlantedCommunitiesWithNmiAboveSixTenths()
    {
        var (planted, similarity) = Planted2000.Value;

        var knownFor = KnownForClustering.Run(similarity, Options());

        Assert.Equal(100, knownFor.ClusterCount); // 2,000 producers / 20 per community
        Assert.True(knownFor.Producers.Count >= 1800, $"only {knownFor.Producers.Count} producers clustered");
        Assert.All(knownFor.Producers.Values, m =>
        {
            Assert.InRange(m.Cluster, 1, knownFor.ClusterCount);
            Assert.InRange(m.Score, float.Epsilon, 1f);
        });
        var nmi = NormalizedMutualInformation.Compute(planted.Truth, knownFor.Labels());
        Assert.True(nmi >= 0.6, $"NMI {nmi:F3}");
    }

    [Fact]
    public void ASmallGraphWithFewCommunitiesDoesNotCollapseIntoOne()
    {
        var planted = PlantedCommunityGraph.Generate(producers: 500, communities: 5, consumers: 5000, seed: 13);
        var options = new SimClustersOptions { MinFollowers = 10 };

        var knownFor = KnownForClustering.Run(ProducerSimilarity.Compute(FollowGraph.Build(planted.Follows), options), options);

        var nmi = NormalizedMutualInformation.Compute(planted.Truth, knownFor.Labels());
        Assert.True(knownFor.Members().Count >= 5, $"{knownFor.Members().Count} communities");
        Assert.True(nmi >= 0.6, $"NMI {nmi:F3}");
    }

    [Fact]
    public void TheSameSeedGivesTheSameCommunities()
    {
        var (_, similarity) = Planted2000.Value;

        var first = KnownForClustering.Run(similarity, Options());
        var second = KnownForClustering.Run(similarity, Options());
        var otherSeed = KnownForClustering.Run(similarity, new SimClustersOptions { MinFollowers = 10, Seed = 2 });

        Assert.Equal(first.Producers.OrderBy(p => p.Key), second.Producers.OrderBy(p => p.Key));
        Assert.NotEqual(first.Producers.OrderBy(p => p.Key), otherSeed.Producers.OrderBy(p => p.Key));
    }

    [Fact]
    public void AWarmStartKeepsThePreviousCommunitiesAndTheirIds()
    {
        var (_, similarity) = Planted2000.Value;
        var previous = KnownForClustering.Run(similarity, Options());

        var next = KnownForClustering.Run(similarity, new SimClustersOptions { MinFollowers = 10, Seed = 9 }, previous);

        var kept = previous.Producers.Count(p => next.Producers.TryGetValue(p.Key, out var m) && m.Cluster == p.Value.Cluster);
        Assert.True(kept >= previous.Producers.Count * 0.9, $"{kept} of {previous.Producers.Count} kept their cluster id");
        Assert.Equal(previous.ClusterCount, next.ClusterCount);
    }

    [Fact]
    public void NewProducersJoinTheirNeighboursCommunity()
    {
        var (planted, similarity) = Planted2000.Value;
        var full = KnownForClustering.Run(similarity, Options());
        var newcomers = full.Producers.Keys.Where(id => id % 10 == 0).ToHashSet();
        var previous = full with { Producers = full.Producers.Where(p => !newcomers.Contains(p.Key)).ToDictionary() };

        var next = KnownForClustering.Run(similarity, Options(), previous);

        var nmi = NormalizedMutualInformation.Compute(
            planted.Truth.Where(t => newcomers.Contains(t.Key)).ToDictionary(),
            next.Labels());
        Assert.True(nmi >= 0.6, $"newcomers' NMI {nmi:F3}");
    }

    [Fact]
    public void AnExplicitCommunityCountWinsAndAPreviousKIsNeverShrunk()
    {
        var options = new SimClustersOptions { ProducersPerCommunity = 20 };
        Assert.Equal(5, KnownForClustering.CommunityCount(100, options, previous: null));
        Assert.Equal(8, KnownForClustering.CommunityCount(100, options, KnownForAssignment.Empty with { ClusterCount = 8 }));
        Assert.Equal(3, KnownForClustering.CommunityCount(100, new SimClustersOptions { Communities = 3 }, previous: null));
    }

    [Fact]
    public void TwoDisjointCliquesBecomeTwoCommunities()
    {
        // Consumers 100..119 follow producers 1..5, consumers 200..219 follow producers 6..10.
        var edges = new List<FollowEdge>();
        for (var c = 0; c < 20; c++)
        {
            for (var p = 1; p <= 5; p++)
            {
                edges.Add(new FollowEdge(100 + c, p));
                edges.Add(new FollowEdge(200 + c, p + 5));
            }
        }

        var options = new SimClustersOptions { MinFollowers = 5, Communities = 4 };
        var knownFor = KnownForClustering.Run(ProducerSimilarity.Compute(FollowGraph.Build(edges), options), options);

        Assert.Equal(10, knownFor.Producers.Count);
        Assert.Single(Enumerable.Range(1, 5).Select(p => knownFor.Producers[p].Cluster).Distinct());
        Assert.Single(Enumerable.Range(6, 5).Select(p => knownFor.Producers[p].Cluster).Distinct());
        Assert.NotEqual(knownFor.Producers[1].Cluster, knownFor.Producers[6].Cluster);
        Assert.All(knownFor.Producers.Values, m => Assert.Equal(1f, m.Score));
    }
}
