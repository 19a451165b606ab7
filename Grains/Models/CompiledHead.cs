using Recsys.Grains.Interfaces.Models;

namespace Recsys.Grains.Models;

/// <summary>
/// A model head bound to the feature schema of the code that evaluates it: weights by feature index, so scoring
/// is a dot product. Features the schema computes but the head does not name weigh 0; a head naming a feature
/// the schema does not compute is refused when compiled (a model written for another consumer).
/// </summary>
public sealed class CompiledHead
{
    private readonly double[] _weights;
    private readonly FeatureTransform[] _transforms;
    private readonly int[] _weighted; // indices of the non-zero weights, ascending

    private CompiledHead(ModelFile model, ModelHead head, IReadOnlyList<string> schema, double[] weights, FeatureTransform[] transforms)
    {
        Model = model;
        Head = head;
        Schema = schema;
        _weights = weights;
        _transforms = transforms;
        _weighted = Enumerable.Range(0, weights.Length).Where(i => weights[i] != 0).ToArray();
    }

    public ModelFile Model { get; }

    public ModelHead Head { get; }

    /// <summary>Feature names, in the order values are passed.</summary>
    public IReadOnlyList<string> Schema { get; }

    /// <summary>"name/version#head", as explanations print it.</summary>
    public string Id => $"{Model.Name}/{Model.Version}#{Head.Name}";

    public static CompiledHead Compile(ModelFile model, string headName, IReadOnlyList<string> schema)
    {
        var head = model.Head(headName) ?? throw new ModelFileException(model.ToString(), $"has no head '{headName}'");
        var weights = new double[schema.Count];
        var transforms = new FeatureTransform[schema.Count];
        foreach (var coefficient in head.Coefficients)
        {
            var index = IndexOf(schema, coefficient.Feature);
            if (index < 0)
            {
                throw new ModelFileException(model.ToString(),
                    $"head '{headName}' weighs feature '{coefficient.Feature}', which is not one of: {string.Join(", ", schema)}");
            }

            weights[index] = coefficient.Weight;
            transforms[index] = coefficient.Transform;
        }

        return new CompiledHead(model, head, schema, weights, transforms);
    }

    /// <summary>The head's output for raw feature values given in schema order.</summary>
    public double Evaluate(ReadOnlySpan<double> features)
    {
        var sum = Head.Intercept.Weight;
        foreach (var i in _weighted)
        {
            sum += _weights[i] * Transform(_transforms[i], features[i]);
        }

        return Head.Kind == HeadKind.Logistic ? Sigmoid(sum) : sum;
    }

    /// <summary>
    /// The head's output for feature values already transformed as <see cref="TransformOf"/> says (features it does
    /// not weigh are not read): the same sum, in the same order, as <see cref="Evaluate"/>, so the same result. Lets
    /// heads over one schema transform a feature vector once (<see cref="CompiledHeads"/>).
    /// </summary>
    public double EvaluateTransformed(ReadOnlySpan<double> transformed)
    {
        var sum = Head.Intercept.Weight;
        foreach (var i in _weighted)
        {
            sum += _weights[i] * transformed[i];
        }

        return Head.Kind == HeadKind.Logistic ? Sigmoid(sum) : sum;
    }

    /// <summary>Whether the head gives the feature at <paramref name="index"/> a non-zero weight.</summary>
    public bool Weighs(int index) => _weights[index] != 0;

    /// <summary>The head's weight of the feature at <paramref name="index"/> (0: not weighed).</summary>
    public double WeightOf(int index) => _weights[index];

    /// <summary>How the head transforms the feature at <paramref name="index"/> before weighing it.</summary>
    public FeatureTransform TransformOf(int index) => _transforms[index];

    /// <summary>Each feature's raw value, transformed value, weight and contribution to the sum, in schema order.</summary>
    public IReadOnlyList<FeatureContribution> Explain(ReadOnlySpan<double> features)
    {
        var terms = new FeatureContribution[_weights.Length];
        for (var i = 0; i < _weights.Length; i++)
        {
            var transformed = Transform(_transforms[i], features[i]);
            terms[i] = new FeatureContribution(Schema[i], features[i], transformed, _weights[i], _weights[i] * transformed);
        }

        return terms;
    }

    public static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

    /// <remarks>ln(1 + max(0, v)) is exactly 0 for v ≤ 0 (ln 1 = +0 in IEEE 754), so most absent counts skip the log.</remarks>
    public static double Transform(FeatureTransform transform, double value) => transform switch
    {
        FeatureTransform.Log1p => value <= 0 ? 0 : Math.Log(1 + value),
        _ => value,
    };

    private static int IndexOf(IReadOnlyList<string> schema, string feature)
    {
        for (var i = 0; i < schema.Count; i++)
        {
            if (schema[i] == feature)
            {
                return i;
            }
        }

        return -1;
    }
}
