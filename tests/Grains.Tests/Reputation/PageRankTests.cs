using Recsys.Grains.Reputation;

namespace Recsys.Grains.Tests.Reputation;

[Trait("Category", "BVT")]
[Trait("Area", "Tweepcred")]
public sealed class PageRankTests
{
    [Fact]
    public void DanglingMassIsSpreadOverAllNodes()
    {
        // a -> b, b dangling: r(a) = 0.05 + 0.9 · r(b) / 2 and r(a) + r(b) = 1, so r(a) = 0.5 / 1.45.
        var graph = ReputationGraph.FromDenseEdges(2, [0], [1]);
        var result = PageRank.Run(graph, [0.5, 0.5], TestGraphs.Options(maxIterations: 500, tolerance: 1e-15));

        Assert.Equal(0.5 / 1.45, result.Ranks[0], 12);
        Assert.Equal(1 - 0.5 / 1.45, result.Ranks[1], 12);
    }

    [Fact]
    public void RanksSumToOne()
    {
        var graph = TestGraphs.Random(2_000, 20_000, seed: 1);
        var result = PageRank.Run(graph, TestGraphs.Uniform(2_000), TestGraphs.Options());
        Assert.Equal(1.0, result.Ranks.Sum(), 12);
        Assert.All(result.Ranks, r => Assert.True(r > 0));
    }

    [Fact]
    public void ConvergenceStopsBeforeTheIterationCap()
    {
        var graph = TestGraphs.Random(2_000, 20_000, seed: 2);
        var result = PageRank.Run(graph, TestGraphs.Uniform(2_000), TestGraphs.Options());

        Assert.True(result.Converged);
        Assert.InRange(result.Iterations, 2, 19);
        Assert.True(result.Delta <= 0.001);
    }

    [Fact]
    public void TheIterationCapStopsAnUnconvergedRun()
    {
        var graph = TestGraphs.Random(2_000, 20_000, seed: 3);
        var result = PageRank.Run(graph, TestGraphs.Uniform(2_000), TestGraphs.Options(tolerance: 0));

        Assert.False(result.Converged);
        Assert.Equal(20, result.Iterations);
        Assert.True(result.Delta > 0);
    }

    [Fact]
    public void StartingFromTheFixedPointTakesOneIteration()
    {
        var graph = TestGraphs.Random(2_000, 20_000, seed: 4);
        var prior = TestGraphs.Uniform(2_000);
        var settled = PageRank.Run(graph, prior, TestGraphs.Options(maxIterations: 1000, tolerance: 1e-12));
        var again = PageRank.Run(graph, prior, TestGraphs.Options(), settled.Ranks);

        Assert.Equal(1, again.Iterations);
        Assert.True(again.Delta < 1e-11);
    }

    [Fact]
    public void TeleportGoesToThePrior()
    {
        // A 3-cycle is symmetric; only the prior can break the tie.
        var graph = ReputationGraph.FromDenseEdges(3, [0, 1, 2], [1, 2, 0]);
        var result = PageRank.Run(graph, [0.8, 0.1, 0.1], TestGraphs.Options(maxIterations: 200, tolerance: 1e-14));
        Assert.True(result.Ranks[0] > result.Ranks[1] && result.Ranks[1] > result.Ranks[2]);
    }

    [Fact]
    public void WeightedRankFlowsInProportionToWeight()
    {
        var graph = ReputationGraph.FromDenseEdges(3, [0, 0], [1, 2], [3f, 1f], weighted: true);
        double[] ranks = [1, 0, 0];
        var shares = new double[3];
        var next = new double[3];
        PageRankSuperstep.Shares(graph, ranks, 0, 3, shares);
        PageRankSuperstep.Step(graph, [0, 0, 0], shares, ranks, dead: 0, jumpProbability: 0.1, 0, 3, next);

        Assert.Equal([0, 0.9 * 0.75, 0.9 * 0.25], next);
    }

    [Fact]
    public void TheResultDoesNotDependOnTheCoreCount()
    {
        var graph = TestGraphs.Random(60_000, 400_000, seed: 5, weighted: true);
        var prior = TestGraphs.Uniform(60_000);
        var one = PageRank.Run(graph, prior, TestGraphs.Options(tolerance: 0), maxDegreeOfParallelism: 1);
        var all = PageRank.Run(graph, prior, TestGraphs.Options(tolerance: 0));

        Assert.Equal(one.Delta, all.Delta);
        Assert.Equal(one.Ranks, all.Ranks); // bitwise: double equality
    }

    [Fact]
    public void SuperstepsOverArbitraryRangesReproduceTheWholeRun()
    {
        const int n = 40_000;
        var graph = TestGraphs.Random(n, 300_000, seed: 6, weighted: true);
        var prior = TestGraphs.Uniform(n);
        var options = TestGraphs.Options(tolerance: 0);
        var expected = PageRank.Run(graph, prior, options);

        // Uneven shards, visited in reverse, as a partitioned job might.
        (int Start, int End)[] shards = [(25_000, n), (7, 25_000), (0, 7)];
        var ranks = (double[])prior.Clone();
        var next = new double[n];
        var shares = new double[n];
        var totals = shards.Aggregate(default(SuperstepTotals), (t, s) => t + PageRankSuperstep.Measure(graph, ranks, s.Start, s.End));
        for (var iteration = 0; iteration < options.MaxIterations; iteration++)
        {
            var dead = PageRankSuperstep.Dead(totals, n);
            foreach (var (start, end) in shards)
            {
                PageRankSuperstep.Shares(graph, ranks, start, end, shares);
            }

            totals = default;
            foreach (var (start, end) in shards)
            {
                totals += PageRankSuperstep.Step(graph, prior, shares, ranks, dead, options.JumpProbability, start, end, next);
            }

            (ranks, next) = (next, ranks);
        }

        // Only the order of additions differs, so the ranks agree to rounding, far inside the cluster's 1e-9.
        Assert.Equal(expected.Delta, totals.Delta, 1e-12);
        var worst = Enumerable.Range(0, n).Max(i => Math.Abs(ranks[i] - expected.Ranks[i]) / expected.Ranks[i]);
        Assert.True(worst < 1e-12, $"largest relative difference {worst:E2}");
    }

    [Fact]
    public void AnEmptyGraphHasNoRanks() =>
        Assert.Empty(PageRank.Run(ReputationGraph.FromDenseEdges(0, [], []), [], TestGraphs.Options()).Ranks);
}
