namespace Recsys.Grains.Reputation;

/// <summary>
/// One PageRank iteration over a node range [start, end), as pure functions a partitioned job can call per shard.
/// </summary>
/// <remarks>
/// The published iteration (WeightedPageRank.scala, algorithm.md 2.3), with α the jump probability, p the prior
/// and r the current ranks:
/// <code>
/// share(j) = r(j) / W(j)                          (0 for a dangling j; W(j) = out-degree, or total out-weight)
/// flow(i)  = Σ_{j→i} share(j) · w(j,i)            (unweighted: Σ share(j)), added in ascending j from 0.0
/// dead     = (1 − Σ_i flow(i)) / N                (the mass lost at dangling nodes, spread over all N nodes)
/// out(i)   = α·p(i) + (1 − α)·dead + (1 − α)·flow(i)      (evaluated left to right)
/// </code>
/// Σ_i flow(i) is the mass of the non-dangling nodes, so dead is taken from the current vector's totals, known
/// before the superstep starts: dead = (1 − (Mass − DanglingMass)) / N (see <see cref="Dead"/>). This keeps a
/// superstep to one pass, and the result sums to 1 even when r does not.
/// A driver therefore: (1) sums <see cref="Measure"/> over all ranges for the starting vector; (2) per iteration
/// computes dead from the previous totals, fills <see cref="Shares"/> for every node, runs <see cref="Step"/> on
/// every range, and adds the ranges' totals up for the next dead and the convergence delta. <see cref="PageRank.Run"/>
/// does exactly this with ranges of <see cref="PageRank.BlockSize"/> nodes added in range order; a run with other
/// ranges or another summation order agrees with it to rounding (relative differences near 1e-13 after 20
/// iterations on a 40k-node test graph).
/// All spans are indexed by global node index and have length NodeCount; a call reads shares of any node but
/// writes only [start, end).
/// </remarks>
public static class PageRankSuperstep
{
    /// <summary>The totals of a rank vector over a range (Delta is 0), used for the starting vector.</summary>
    public static SuperstepTotals Measure(ReputationGraph graph, ReadOnlySpan<double> ranks, int start, int end)
    {
        CheckRange(graph, ranks.Length, start, end);
        double mass = 0, dangling = 0;
        for (var i = start; i < end; i++)
        {
            mass += ranks[i];
            if (graph.IsDangling(i))
            {
                dangling += ranks[i];
            }
        }

        return new SuperstepTotals(mass, dangling, 0);
    }

    /// <summary>The dead term for the next iteration from the whole graph's current totals: (1 − (Mass − DanglingMass)) / N.</summary>
    public static double Dead(SuperstepTotals current, int nodeCount) =>
        (1.0 - (current.Mass - current.DanglingMass)) / nodeCount;

    /// <summary>Writes share(j) = ranks(j) / W(j) (0 when j is dangling) for j in [start, end).</summary>
    public static void Shares(ReputationGraph graph, ReadOnlySpan<double> ranks, int start, int end, Span<double> shares)
    {
        CheckRange(graph, ranks.Length, start, end);
        CheckLength(graph, shares.Length);
        var totals = graph.OutWeightTotalArray;
        for (var j = start; j < end; j++)
        {
            shares[j] = totals[j] > 0 ? ranks[j] / totals[j] : 0.0;
        }
    }

    /// <summary>
    /// Computes next(i) for i in [start, end) from every node's share, and returns the range's totals.
    /// </summary>
    /// <param name="graph">The whole graph (only the range's in-rows are read).</param>
    /// <param name="prior">The normalised prior p.</param>
    /// <param name="shares">share(j) for every node, from <see cref="Shares"/>.</param>
    /// <param name="current">The current ranks (only for the delta).</param>
    /// <param name="dead">From <see cref="Dead"/> over the current vector's totals.</param>
    /// <param name="jumpProbability">α.</param>
    /// <param name="start">First node of the range.</param>
    /// <param name="end">One past the last node of the range.</param>
    /// <param name="next">Receives the new ranks of the range.</param>
    public static SuperstepTotals Step(
        ReputationGraph graph, ReadOnlySpan<double> prior, ReadOnlySpan<double> shares, ReadOnlySpan<double> current,
        double dead, double jumpProbability, int start, int end, Span<double> next)
    {
        CheckRange(graph, current.Length, start, end);
        CheckLength(graph, prior.Length);
        CheckLength(graph, shares.Length);
        CheckLength(graph, next.Length);

        var follow = 1.0 - jumpProbability;
        var deadShare = follow * dead;
        var offsets = graph.InOffsetArray;
        var sources = graph.InSourceArray;
        var weights = graph.InWeightArray;
        double mass = 0, dangling = 0, delta = 0;
        for (var i = start; i < end; i++)
        {
            var flow = 0.0;
            int first = offsets[i], last = offsets[i + 1];
            if (weights is null)
            {
                for (var e = first; e < last; e++)
                {
                    flow += shares[sources[e]];
                }
            }
            else
            {
                for (var e = first; e < last; e++)
                {
                    flow += shares[sources[e]] * weights[e];
                }
            }

            var value = jumpProbability * prior[i] + deadShare + follow * flow;
            next[i] = value;
            mass += value;
            if (graph.IsDangling(i))
            {
                dangling += value;
            }

            delta += Math.Abs(value - current[i]);
        }

        return new SuperstepTotals(mass, dangling, delta);
    }

    private static void CheckRange(ReputationGraph graph, int length, int start, int end)
    {
        CheckLength(graph, length);
        if (start < 0 || end > graph.NodeCount || start > end)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"range [{start}, {end}) is outside 0..{graph.NodeCount}.");
        }
    }

    private static void CheckLength(ReputationGraph graph, int length)
    {
        if (length != graph.NodeCount)
        {
            throw new ArgumentException($"vectors must have one entry per node ({graph.NodeCount}), got {length}.");
        }
    }
}
