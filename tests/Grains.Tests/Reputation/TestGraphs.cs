using Recsys.Grains.Reputation;

namespace Recsys.Grains.Tests.Reputation;

/// <summary>Small graphs for PageRank tests.</summary>
internal static class TestGraphs
{
    /// <summary>A seeded random directed graph with some dangling nodes, as dense indices.</summary>
    public static ReputationGraph Random(int nodes, int edges, int seed, bool weighted = false)
    {
        var random = new Random(seed);
        var sources = new int[edges];
        var targets = new int[edges];
        var weights = new float[edges];
        for (var e = 0; e < edges; e++)
        {
            // Skewed targets give a few popular nodes; the last tenth of the nodes never follow anyone.
            sources[e] = random.Next(nodes - nodes / 10);
            targets[e] = (int)(nodes * Math.Pow(random.NextDouble(), 3));
            weights[e] = 1 + random.Next(9);
        }

        return ReputationGraph.FromDenseEdges(nodes, sources, targets, weights, weighted);
    }

    public static double[] Uniform(int nodes) => Enumerable.Repeat(1.0 / nodes, nodes).ToArray();

    public static TweepcredOptions Options(double jump = 0.1, int maxIterations = 20, double tolerance = 0.001) =>
        new() { JumpProbability = jump, MaxIterations = maxIterations, Tolerance = tolerance };
}
