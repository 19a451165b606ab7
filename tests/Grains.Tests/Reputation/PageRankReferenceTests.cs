using Recsys.Grains.Reputation;

namespace Recsys.Grains.Tests.Reputation;

/// <summary>
/// Our PageRank against networkx 3.6.1's (tolerance 1e-13) on public SNAP graphs: uniform prior, so teleport and
/// dangling mass both go uniformly, as in networkx's defaults. Jump probability 0.1 is networkx's alpha 0.90.
/// </summary>
[Trait("Category", "BVT")]
[Trait("Area", "Tweepcred")]
public sealed class PageRankReferenceTests
{
    private const double PerNodeTolerance = 1e-8;

    [SkippableFact]
    public void FacebookMatchesNetworkxAtAlphaPointNine() =>
        AssertMatches(ReferenceData.Facebook(), "pagerank-facebook-alpha0.90.csv", jump: 0.1);

    [SkippableFact]
    public void FacebookMatchesNetworkxAtAlphaPointEightFive() =>
        AssertMatches(ReferenceData.Facebook(), "pagerank-facebook-alpha0.85.csv", jump: 0.15);

    [SkippableFact]
    public void WeightedBitcoinTrustMatchesNetworkxAtAlphaPointNine() =>
        AssertMatches(ReferenceData.BitcoinPositive(weighted: true), "pagerank-bitcoinotc-positive-weighted-alpha0.90.csv", jump: 0.1);

    [SkippableFact]
    public void UnweightedBitcoinTrustMatchesNetworkxAtAlphaPointEightFive() =>
        AssertMatches(ReferenceData.BitcoinPositive(weighted: false), "pagerank-bitcoinotc-positive-alpha0.85.csv", jump: 0.15);

    private static void AssertMatches(ReputationGraph graph, string referenceFile, double jump)
    {
        var reference = ReferenceData.PageRanks(referenceFile);
        var options = TestGraphs.Options(jump, maxIterations: 1000, tolerance: 1e-10);
        var result = PageRank.Run(graph, TestGraphs.Uniform(graph.NodeCount), options);

        Assert.True(result.Converged, $"not converged after {result.Iterations} iterations (delta {result.Delta})");
        Assert.Equal(reference.Count, graph.NodeCount);
        var worst = 0.0;
        for (var i = 0; i < graph.NodeCount; i++)
        {
            Assert.True(reference.TryGetValue(graph.NodeId(i), out var expected), $"node {graph.NodeId(i)} is not in {referenceFile}");
            worst = Math.Max(worst, Math.Abs(result.Ranks[i] - expected));
        }

        Assert.True(worst < PerNodeTolerance, $"largest per-node difference {worst:E3} (>= {PerNodeTolerance:E0})");
    }
}
