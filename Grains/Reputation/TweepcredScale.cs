namespace Recsys.Grains.Reputation;

/// <summary>
/// Maps a rank to the 0..100 tweepcred byte (twitter/the-algorithm, tweepcred/Reputation.scala, scaledReputation),
/// after rescaling it from our graph's size to the size the constants were fitted on.
/// </summary>
public static class TweepcredScale
{
    /// <summary>Intercept of the fit (max pagerank → ~95, min → ~15 on Twitter's graph).</summary>
    public const double Intercept = 130;

    /// <summary>Slope of the fit, per unit of ln(pagerank).</summary>
    public const double Slope = 5.21;

    /// <summary>Ranks below this (or zero) score 0.</summary>
    public const double Floor = 1e-20;

    /// <summary>The tweepcred of a rank from a graph of <paramref name="nodeCount"/> users.</summary>
    public static byte ToTweepcred(double rank, int nodeCount, double referencePopulation) =>
        ToByte(rank * nodeCount / referencePopulation);

    /// <summary>clamp(round(130 + 5.21 ln(raw)), 0, 100), or 0 when raw is 0 or below 1e-20.</summary>
    public static byte ToByte(double raw)
    {
        if (raw == 0 || raw < Floor || double.IsNaN(raw))
        {
            return 0;
        }

        // Math.Round rounds halves to even, as Scala's math.rint does.
        var rounded = Math.Round(Intercept + Slope * Math.Log(raw));
        return (byte)Math.Clamp(rounded, 0, 100);
    }
}
