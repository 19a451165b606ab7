namespace Recsys.Grains.Ranking.Models;

/// <summary>
/// The feedback-fatigue multiplier (FeedbackFatigueScorer, algorithm.md 1.6): inside the removal window (14 days)
/// the post is filtered out; after it, m = 0.2 + 0.2 · d / 35 with d the days since the window ended, up to 1 at
/// 14 + 140 days.
/// </summary>
public static class FatigueDiscount
{
    public const double Minimum = 0.2;

    /// <summary>Days per 0.2 step of recovery.</summary>
    public const double DaysPerStep = 35;

    public static double Multiplier(TimeSpan sinceFeedback, TimeSpan window) =>
        Math.Clamp(Minimum + Minimum * ((sinceFeedback - window).TotalDays / DaysPerStep), Minimum, 1.0);
}
