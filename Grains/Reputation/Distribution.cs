namespace Recsys.Grains.Reputation;

/// <summary>Helpers for mass vectors that sum to 1.</summary>
public static class Distribution
{
    /// <summary>
    /// A copy scaled to sum to 1 (summed in index order, then each entry divided by the sum). An all-zero vector
    /// becomes uniform: with no signal every node is equally likely.
    /// </summary>
    public static double[] Normalise(ReadOnlySpan<double> mass)
    {
        var total = 0.0;
        foreach (var m in mass)
        {
            if (!(m >= 0) || double.IsPositiveInfinity(m))
            {
                throw new ArgumentOutOfRangeException(nameof(mass), $"mass {m} must be non-negative and finite.");
            }

            total += m;
        }

        var result = new double[mass.Length];
        if (total == 0)
        {
            Array.Fill(result, 1.0 / mass.Length);
            return result;
        }

        for (var i = 0; i < result.Length; i++)
        {
            result[i] = mass[i] / total;
        }

        return result;
    }
}
