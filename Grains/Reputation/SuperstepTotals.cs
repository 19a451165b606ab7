namespace Recsys.Grains.Reputation;

/// <summary>
/// What one superstep over a node range reports, to be added up across ranges (in range order, for bit-for-bit
/// reproducibility).
/// </summary>
/// <param name="Mass">Σ of the range's new ranks.</param>
/// <param name="DanglingMass">Σ of the new ranks of the range's dangling nodes (no out-edges).</param>
/// <param name="Delta">Σ |new rank − old rank| over the range.</param>
public readonly record struct SuperstepTotals(double Mass, double DanglingMass, double Delta)
{
    /// <summary>Adds two ranges' totals component-wise (left + right).</summary>
    public static SuperstepTotals operator +(SuperstepTotals left, SuperstepTotals right) =>
        new(left.Mass + right.Mass, left.DanglingMass + right.DanglingMass, left.Delta + right.Delta);
}
