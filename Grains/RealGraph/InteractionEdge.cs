using System.Text.Json.Serialization;

namespace Recsys.Grains.RealGraph;

/// <summary>
/// A user's interactions toward one other account. Every count is stored as of <see cref="Day"/> and decayed to the
/// reading day when read, so no timer ever touches it. <see cref="ActiveDays"/> has bit i set when there was an
/// interaction on day <see cref="Day"/> − i (32 days; the published num_days reads 30).
/// </summary>
public sealed class InteractionEdge
{
    /// <summary>The reference day of every count's ewma (UTC day number).</summary>
    [JsonPropertyName("d")]
    public int Day { get; set; }

    [JsonPropertyName("a")]
    public uint ActiveDays { get; set; }

    /// <summary>The day of the latest interaction of any type.</summary>
    [JsonPropertyName("l")]
    public int LastDay { get; set; }

    [JsonPropertyName("c")]
    public Dictionary<InteractionType, InteractionCount> Counts { get; set; } = [];
}
