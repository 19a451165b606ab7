using System.Text.Json.Serialization;

namespace Recsys.Grains.Models;

/// <summary>
/// A versioned model file (models/&lt;name&gt;/&lt;version&gt;.json): named heads of coefficients over named
/// features, each coefficient with a one-line reason. One format for every model in the project: RealGraph's
/// logistic edge model now, the heavy ranker's heads and the light ranker later. See models/README.md.
/// </summary>
public sealed record ModelFile(
    int Format,
    string Name,
    string Version,
    string Description,
    IReadOnlyList<ModelHead> Heads)
{
    /// <summary>The only format version this code reads.</summary>
    public const int CurrentFormat = 1;

    /// <summary>The head with this name, or null.</summary>
    public ModelHead? Head(string name) => Heads.FirstOrDefault(h => h.Name == name);

    [JsonIgnore]
    public int CoefficientCount => Heads.Sum(h => h.Coefficients.Count + 1);

    public override string ToString() => $"{Name}/{Version}";
}

/// <summary>
/// One output of a model: <see cref="Kind"/> logistic gives σ(intercept + Σ weight·transform(feature)), linear gives
/// the sum itself.
/// </summary>
public sealed record ModelHead(string Name, HeadKind Kind, ModelTerm Intercept, IReadOnlyList<ModelCoefficient> Coefficients);

/// <summary>A bias term: its weight and why it has that value.</summary>
public sealed record ModelTerm(double Weight, string Reason);

/// <summary>A feature's weight, how the raw feature is transformed first, and why the weight has that value.</summary>
public sealed record ModelCoefficient(string Feature, double Weight, FeatureTransform Transform, string Reason);

public enum HeadKind
{
    Logistic,
    Linear,
}

/// <summary>What is done to a raw feature value before it is weighted.</summary>
public enum FeatureTransform
{
    /// <summary>The value itself.</summary>
    Linear,

    /// <summary>ln(1 + max(0, value)): counts whose first few matter more than the hundredth.</summary>
    Log1p,
}
