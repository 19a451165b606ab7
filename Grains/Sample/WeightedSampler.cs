namespace Recsys.Grains.Sample;

/// <summary>Draws indices with probability proportional to their weights (cumulative sums and a binary search).</summary>
public sealed class WeightedSampler
{
    private readonly double[] _cumulative;

    public WeightedSampler(IReadOnlyList<double> weights)
    {
        _cumulative = new double[weights.Count];
        var sum = 0d;
        for (var i = 0; i < weights.Count; i++)
        {
            sum += Math.Max(0, weights[i]);
            _cumulative[i] = sum;
        }
    }

    public bool IsEmpty => _cumulative.Length == 0 || _cumulative[^1] <= 0;

    public int Sample(Random random)
    {
        var target = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, _cumulative.Length - 1);
    }
}
