namespace Recsys.Grains.Reputation;

/// <summary>
/// Personalised PageRank as tweepcred runs it (algorithm.md 2.3): teleport to a prior, dangling mass spread
/// uniformly, at most MaxIterations or until Σ|Δ| ≤ Tolerance (the source keeps going while diff > threshold).
/// </summary>
/// <remarks>
/// Each iteration is <see cref="PageRankSuperstep"/> over fixed ranges of <see cref="BlockSize"/> nodes, run in
/// parallel; each range writes only its own nodes and the ranges' totals are added in range order, so the result
/// is the same to the last bit whatever the core count.
/// </remarks>
public static class PageRank
{
    /// <summary>Nodes per parallel range; part of the result's exact rounding, so not configurable.</summary>
    public const int BlockSize = 16384;

    /// <summary>Runs PageRank to convergence or the iteration cap.</summary>
    /// <param name="graph">The graph; weighted graphs route rank in proportion to edge weight.</param>
    /// <param name="prior">Teleport mass per node index; normalised here (all zero means uniform).</param>
    /// <param name="options">JumpProbability, MaxIterations and Tolerance are used.</param>
    /// <param name="initial">Starting ranks per node index (yesterday's), normalised here; empty means the prior.</param>
    /// <param name="maxDegreeOfParallelism">Cores to use; -1 for all. Does not change the result.</param>
    /// <param name="onIteration">Called after each iteration with its number (from 1) and Σ|Δ|, for progress and timing.</param>
    public static PageRankResult Run(
        ReputationGraph graph, ReadOnlySpan<double> prior, TweepcredOptions options,
        ReadOnlySpan<double> initial = default, int maxDegreeOfParallelism = -1, Action<int, double>? onIteration = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        TweepcredOptionsValidator.ThrowIfInvalid(options);
        var n = graph.NodeCount;
        if (prior.Length != n || (!initial.IsEmpty && initial.Length != n))
        {
            throw new ArgumentException($"prior and initial ranks must have one entry per node ({n}).");
        }

        if (n == 0)
        {
            return new PageRankResult([], 0, 0, true);
        }

        var teleport = Distribution.Normalise(prior);
        var ranks = initial.IsEmpty ? (double[])teleport.Clone() : Distribution.Normalise(initial);
        var next = new double[n];
        var shares = new double[n];
        var blocks = (n + BlockSize - 1) / BlockSize;
        var blockTotals = new SuperstepTotals[blocks];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        var alpha = options.JumpProbability;

        Parallel.For(0, blocks, parallel, b => blockTotals[b] = PageRankSuperstep.Measure(graph, ranks, First(b), End(b, n)));
        var totals = Sum(blockTotals);
        var iterations = 0;
        do
        {
            var dead = PageRankSuperstep.Dead(totals, n);
            var current = ranks;
            var output = next;
            Parallel.For(0, blocks, parallel, b => PageRankSuperstep.Shares(graph, current, First(b), End(b, n), shares));
            Parallel.For(0, blocks, parallel, b => blockTotals[b] = PageRankSuperstep.Step(
                graph, teleport, shares, current, dead, alpha, First(b), End(b, n), output));
            totals = Sum(blockTotals);
            (ranks, next) = (next, ranks);
            iterations++;
            onIteration?.Invoke(iterations, totals.Delta);
        }
        while (iterations < options.MaxIterations && totals.Delta > options.Tolerance);

        return new PageRankResult(ranks, iterations, totals.Delta, totals.Delta <= options.Tolerance);
    }

    private static int First(int block) => block * BlockSize;

    private static int End(int block, int n) => Math.Min(n, (block + 1) * BlockSize);

    private static SuperstepTotals Sum(SuperstepTotals[] parts)
    {
        var sum = default(SuperstepTotals);
        foreach (var part in parts)
        {
            sum += part;
        }

        return sum;
    }
}
