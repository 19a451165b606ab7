using System.Globalization;

namespace Recsys.Grains.Timeline.Params;

/// <summary>
/// The inclusive bounds of a numeric or duration knob (product-mixer's FSBoundedParam min/max). Durations are
/// given as TimeSpan strings ("00:00:01", "7.00:00:00"). <see cref="ForYouParamsValidator"/> enforces them.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ParamBoundsAttribute : Attribute
{
    public ParamBoundsAttribute(double min, double max) => (Min, Max) = (min, max);

    public ParamBoundsAttribute(string min, string max) =>
        (Min, Max) = (TimeSpan.Parse(min, CultureInfo.InvariantCulture).TotalSeconds, TimeSpan.Parse(max, CultureInfo.InvariantCulture).TotalSeconds);

    /// <summary>The least allowed value (seconds for a duration).</summary>
    public double Min { get; }

    /// <summary>The largest allowed value (seconds for a duration).</summary>
    public double Max { get; }

    /// <summary>Whether a property value is within the bounds (TimeSpan in seconds; int and double as numbers).</summary>
    public bool Contains(object? value) => value switch
    {
        TimeSpan t => t.TotalSeconds >= Min && t.TotalSeconds <= Max,
        int i => i >= Min && i <= Max,
        double d => double.IsFinite(d) && d >= Min && d <= Max,
        _ => false,
    };

    public string Describe(Type type) => type == typeof(TimeSpan)
        ? $"{TimeSpan.FromSeconds(Min):c}..{TimeSpan.FromSeconds(Max):c}"
        : string.Create(CultureInfo.InvariantCulture, $"{Min}..{Max}");
}
