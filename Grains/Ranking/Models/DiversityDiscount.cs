namespace Recsys.Grains.Ranking.Models;

/// <summary>
/// The author-diversity discount (DiversityDiscountProvider, algorithm.md 1.6): the k-th post of one author
/// (0-based, by score) is multiplied by (1 - floor) · decay^k + floor: 1, 0.625, 0.4375, ... towards 0.25.
/// </summary>
public static class DiversityDiscount
{
    public static double Multiplier(int rank, double decay, double floor) => (1 - floor) * Math.Pow(decay, rank) + floor;
}
