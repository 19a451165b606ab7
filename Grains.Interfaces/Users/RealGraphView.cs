using System.Text.Json.Serialization;
using Recsys.Grains.Interfaces.Models;

namespace Recsys.Grains.Interfaces.Users;

/// <summary>
/// One RealGraph edge: the probability, in [0, 1], that the user interacts with <see cref="UserId"/> (the published
/// prob_explicit), and whether the user follows that account. The timeline reads <see cref="TimelineWeight"/>.
/// </summary>
public sealed record RealGraphEdgeScore(long UserId, float Score, bool Followed)
{
    /// <summary>The score on the v1 scale home-mixer sends to Earlybird and UTEG: 1 + 1.97·s (see <see cref="RealGraphScale"/>).</summary>
    [JsonIgnore]
    public double TimelineWeight => RealGraphScale.ToTimelineWeight(Score);
}

/// <summary>A user's top RealGraph edges, highest score first, and the model version ("realgraph/default-v0") that scored them.</summary>
public sealed record RealGraphView(long UserId, DateTimeOffset AsOf, string Model, IReadOnlyList<RealGraphEdgeScore> Edges);

/// <summary>
/// Why one edge scores what it scores: the model version and head, the intercept, each feature's value and
/// contribution, and, when the edge is not a candidate at all, why (blocked, muted, reported, or no relation).
/// </summary>
public sealed record RealGraphExplanation(
    long UserId,
    long TargetId,
    string Model,
    float Score,
    double TimelineWeight,
    bool Followed,
    string? Excluded,
    double Intercept,
    IReadOnlyList<FeatureContribution> Features);

/// <summary>
/// RealGraph's v2 scores are probabilities in [0, 1]; home-mixer rescales them to the v1 range [1, 2.97] as
/// s' = 1 + 1.97·s and passes values outside [0, 1] through (RealGraphInNetworkScoresQueryFeatureHydrator,
/// algorithm.md section 3).
/// </summary>
public static class RealGraphScale
{
    public const double TimelineOffset = 1.0;

    public const double TimelineSlope = 1.97;

    public static double ToTimelineWeight(double score) => score is >= 0 and <= 1 ? TimelineOffset + TimelineSlope * score : score;
}
