namespace Recsys.Grains.Training.Evaluation;

/// <summary>
/// Mean binary cross-entropy, −(y·ln p + (1−y)·ln(1−p)), with p clipped to [1e-15, 1−1e-15] so one confident miss
/// costs about 34.5 rather than infinity. Null for no examples.
/// </summary>
public static class LogLoss
{
    public const double Clip = 1e-15;

    public static double? Compute(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(probabilities.Count, labels.Count);
        if (probabilities.Count == 0)
        {
            return null;
        }

        var sum = 0.0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            var p = Math.Clamp(probabilities[i], Clip, 1 - Clip);
            sum -= labels[i] ? Math.Log(p) : Math.Log(1 - p);
        }

        return sum / probabilities.Count;
    }
}
