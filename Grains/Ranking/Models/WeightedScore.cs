namespace Recsys.Grains.Ranking.Models;

/// <summary>
/// The published weighted sum of head probabilities and its normalisation (NaviModelScorer.computeWeightedModelScore,
/// algorithm.md 1.5): S = Σ w_i p_i, where the good-click term uses max(p_v1, p_v2) and the good-click v2 term p_v2;
/// P = Σ positive weights, N = Σ |negative weights|, W = P + N, ε = 0.001; the score is max(S, 0) when W = 0,
/// ((S + N) / W) · ε when S &lt; 0 (negatives land in [0, ε)), else S + ε.
/// </summary>
public static class WeightedScore
{
    public const double Epsilon = 0.001;

    public static double Compute(ReadOnlySpan<double> probabilities, IReadOnlyList<double> weights) =>
        Compute(probabilities, weights as double[] ?? weights.ToArray());

    public static double Compute(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> weights)
    {
        if (probabilities.Length != RankingHeads.Count || weights.Length != RankingHeads.Count)
        {
            throw new ArgumentException($"expected {RankingHeads.Count} probabilities and weights");
        }

        double sum = 0, positive = 0, negative = 0;
        for (var i = 0; i < RankingHeads.Count; i++)
        {
            var p = probabilities[i];
            if (i == (int)RankingHead.GoodClick)
            {
                p = Math.Max(p, probabilities[(int)RankingHead.GoodClickV2]);
            }

            sum += weights[i] * p;
            if (weights[i] > 0)
            {
                positive += weights[i];
            }
            else
            {
                negative -= weights[i];
            }
        }

        var total = positive + negative;
        return total == 0 ? Math.Max(sum, 0) : sum < 0 ? (sum + negative) / total * Epsilon : sum + Epsilon;
    }
}
