using System.Globalization;
using Recsys.Grains.Interfaces.Models;

namespace Recsys.Grains.Training.Evaluation;

/// <summary>
/// Whether a candidate replaces the active version, on the same held-out examples. A head is compared when the test
/// set holds at least <c>minPositives</c> of each of its classes (an AUC over a handful of positives is noise that
/// must neither block nor justify a promotion). Promoted when (1) no compared head's AUC is below the active's by more than
/// <c>tolerance</c>, and (2) at least one compared head's AUC exceeds the active's by at least <c>minGain</c> (an
/// equal model is not a new one). Anything else keeps the active version, and the decision says which head failed.
/// </summary>
public static class PromotionRule
{
    public static (bool Promoted, string Decision) Decide(VersionMetrics candidate, VersionMetrics active, double tolerance, double minGain, int minPositives)
    {
        var compared = candidate.Heads.Zip(active.Heads)
            .Where(p => p.First.Auc is not null && p.Second.Auc is not null)
            .Where(p => p.First.Positives >= minPositives && p.First.Examples - p.First.Positives >= minPositives)
            .Select(p => (p.First.Head, Candidate: p.First.Auc!.Value, Active: p.Second.Auc!.Value))
            .ToArray();
        if (compared.Length == 0)
        {
            return (false, $"kept: no head has {minPositives} held-out examples of each class");
        }

        var worse = compared.Where(c => c.Candidate < c.Active - tolerance).ToArray();
        if (worse.Length > 0)
        {
            return (false, "kept: AUC worse than active on " + string.Join(", ", worse.Select(Describe)));
        }

        var better = compared.Where(c => c.Candidate >= c.Active + minGain).ToArray();
        return better.Length == 0
            ? (false, string.Create(CultureInfo.InvariantCulture, $"kept: no head's AUC improves by {minGain} or more over {active.Version}"))
            : (true, $"promoted over {active.Version}: better on " + string.Join(", ", better.Select(Describe)) +
                     $"; no head worse by more than {tolerance.ToString(CultureInfo.InvariantCulture)}");
    }

    private static string Describe((string Head, double Candidate, double Active) c) =>
        string.Create(CultureInfo.InvariantCulture, $"{c.Head} ({c.Candidate:F4} vs {c.Active:F4})");
}
