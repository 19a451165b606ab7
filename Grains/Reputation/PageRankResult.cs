namespace Recsys.Grains.Reputation;

/// <summary>The outcome of <see cref="PageRank.Run"/>.</summary>
/// <param name="Ranks">The final rank of every node, by node index; sums to 1.</param>
/// <param name="Iterations">How many iterations ran (at least 1 on a non-empty graph).</param>
/// <param name="Delta">Σ|Δ| of the last iteration.</param>
/// <param name="Converged">Whether the last delta was within the tolerance (otherwise the iteration cap stopped it).</param>
public sealed record PageRankResult(double[] Ranks, int Iterations, double Delta, bool Converged);
