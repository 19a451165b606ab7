namespace Recsys.Grains.Interfaces.Models;

/// <summary>One term of a model head's sum: the raw feature, after its transform, its weight, and weight times value.</summary>
public sealed record FeatureContribution(string Feature, double Value, double Transformed, double Weight, double Contribution);
