namespace Recsys.Grains.Reputation;

/// <summary>The outcome of <see cref="TweepcredCalculator.Compute"/>.</summary>
/// <param name="Users">One entry per input user, in input order.</param>
/// <param name="Iterations">PageRank iterations run.</param>
/// <param name="Delta">Σ|Δ| of the last iteration.</param>
/// <param name="Converged">Whether PageRank stopped on the tolerance rather than the iteration cap.</param>
public sealed record TweepcredResult(IReadOnlyList<UserTweepcred> Users, int Iterations, double Delta, bool Converged);
