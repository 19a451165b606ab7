namespace Recsys.Grains.Sample;

/// <summary>The few distributions the generator draws from, on a seeded <see cref="Random"/>.</summary>
public static class SampleRandom
{
    /// <summary>Standard normal (Box-Muller).</summary>
    public static double Normal(this Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Log-normal with median 1.</summary>
    public static double LogNormal(this Random random, double sigma) => Math.Exp(sigma * random.Normal());

    /// <summary>Pareto with minimum 1: P(X &gt; x) = x^-alpha, the heavy tail behind power-law follower counts.</summary>
    public static double Pareto(this Random random, double alpha) => Math.Pow(1 - random.NextDouble(), -1 / alpha);

    /// <summary>Exponential with the given mean.</summary>
    public static double Exponential(this Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());

    /// <summary>A count around <paramref name="mean"/>: the mean scaled by a uniform 0.5-1.5 factor, rounded at random.</summary>
    public static int Count(this Random random, double mean)
    {
        var value = mean * (0.5 + random.NextDouble());
        var whole = Math.Floor(value);
        return (int)whole + (random.NextDouble() < value - whole ? 1 : 0);
    }

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;
}
