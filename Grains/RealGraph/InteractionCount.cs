using System.Text.Json.Serialization;

namespace Recsys.Grains.RealGraph;

/// <summary>
/// One interaction type on one edge: its exponentially weighted sum as of the edge's reference day (the published
/// daily roll-up ewma' = x_today + 0.955·ewma, applied lazily), and the last day it occurred. Short JSON names:
/// a heavy user stores up to 2,000 edges. A value kept inline in its edge's array (issue 6: an object per count
/// was one more long-lived object on most ingested events).
/// </summary>
public struct InteractionCount
{
    [JsonPropertyName("e")]
    public float Ewma { get; set; }

    /// <summary>UTC day number (days since 0001-01-01) of the latest occurrence.</summary>
    [JsonPropertyName("l")]
    public int LastDay { get; set; }
}
