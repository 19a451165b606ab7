namespace Recsys.Grains.SimClusters;

/// <summary>
/// Normalised mutual information of two labellings, 2·I(A;B) / (H(A) + H(B)) (the arithmetic-mean normalisation),
/// in [0, 1]: 1 for the same partition up to renaming, near 0 for independent ones.
/// </summary>
public static class NormalizedMutualInformation
{
    /// <summary>The label items missing from the predicted labelling all share, so leaving items out costs.</summary>
    public const int Unlabelled = int.MinValue;

    /// <summary>
    /// Compares over every item of <paramref name="truth"/>; items that <paramref name="predicted"/> lacks count as one
    /// extra <see cref="Unlabelled"/> class, items only in <paramref name="predicted"/> are ignored. Two one-class
    /// labellings score 1.
    /// </summary>
    public static double Compute(IReadOnlyDictionary<long, int> truth, IReadOnlyDictionary<long, int> predicted)
    {
        var n = truth.Count;
        if (n == 0)
        {
            return 1;
        }

        var joint = new Dictionary<(int, int), int>();
        var truthCounts = new Dictionary<int, int>();
        var predictedCounts = new Dictionary<int, int>();
        foreach (var (item, a) in truth)
        {
            var b = predicted.TryGetValue(item, out var label) ? label : Unlabelled;
            joint[(a, b)] = joint.GetValueOrDefault((a, b)) + 1;
            truthCounts[a] = truthCounts.GetValueOrDefault(a) + 1;
            predictedCounts[b] = predictedCounts.GetValueOrDefault(b) + 1;
        }

        var (hTruth, hPredicted) = (Entropy(truthCounts.Values, n), Entropy(predictedCounts.Values, n));
        if (hTruth == 0 && hPredicted == 0)
        {
            return 1;
        }

        var mutual = 0.0;
        foreach (var ((a, b), count) in joint)
        {
            var p = (double)count / n;
            mutual += p * Math.Log(p * n * n / ((double)truthCounts[a] * predictedCounts[b]));
        }

        return Math.Clamp(2 * mutual / (hTruth + hPredicted), 0, 1);
    }

    private static double Entropy(IEnumerable<int> counts, int n) =>
        -counts.Sum(c => (double)c / n * Math.Log((double)c / n));
}
