namespace Recsys.Grains.Ranking.Models;

/// <summary>
/// Earlybird's logistic age decay (AgeDecay.java, algorithm.md 1.9): m(age) = base + (1 - base) / (1 + e^(slope ·
/// (age_min - halfLife_min))); it is (1 + base) / 2 at the half-life and tends to base for old posts.
/// </summary>
public static class AgeDecay
{
    public static double Multiplier(TimeSpan age, double halfLifeMinutes, double slope, double floor)
    {
        var minutes = Math.Max(0, age.TotalMinutes);
        return floor + (1 - floor) / (1 + Math.Exp(slope * (minutes - halfLifeMinutes)));
    }
}
