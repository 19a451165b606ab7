using Recsys.Grains.Training.Labels;

namespace Recsys.Grains.Training.Learning;

/// <summary>
/// Splits labelled examples by serving time: the earliest <c>trainFraction</c> train, the rest test, so the test set
/// is "the future" the model did not see. The cut falls between two distinct times (examples served at the same
/// instant stay on one side), so no page is split across the two sets.
/// </summary>
public static class TimeSplit
{
    public static (IReadOnlyList<LabelledExample> Train, IReadOnlyList<LabelledExample> Test, DateTimeOffset? Cut) Split(
        IReadOnlyList<LabelledExample> examples, double trainFraction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(trainFraction, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(trainFraction, 1);
        var ordered = examples.OrderBy(e => e.Item.ServedAt).ToArray();
        if (ordered.Length < 2)
        {
            return (ordered, [], null);
        }

        var index = Math.Clamp((int)Math.Floor(ordered.Length * trainFraction), 1, ordered.Length - 1);
        var cut = ordered[index].Item.ServedAt;
        var train = ordered.Where(e => e.Item.ServedAt < cut).ToArray();
        var test = ordered.Where(e => e.Item.ServedAt >= cut).ToArray();
        return (train, test, cut);
    }
}
