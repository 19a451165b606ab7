namespace Recsys.Grains.Training.Evaluation;

/// <summary>
/// Area under the ROC curve: the probability that a random positive scores above a random negative, ties counting
/// half (the Mann-Whitney U statistic over n₊·n₋). Undefined (null) unless both classes are present.
/// </summary>
public static class Auc
{
    public static double? Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(scores.Count, labels.Count);
        var positives = labels.Count(l => l);
        var negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var positiveRankSum = 0.0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            var rank = (start + end) / 2.0 + 1; // tied scores share the average of their 1-based ranks
            for (var i = start; i <= end; i++)
            {
                if (labels[order[i]])
                {
                    positiveRankSum += rank;
                }
            }

            start = end + 1;
        }

        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }
}
