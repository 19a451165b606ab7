namespace Recsys.Grains.Models;

/// <summary>
/// Heads compiled against one schema, evaluated together on one feature vector: each feature is transformed once
/// for all the heads that agree on its transform, then each head is a plain dot product
/// (<see cref="CompiledHead.EvaluateTransformed"/>). Heads that transform a feature they both weigh differently
/// get their own transformed copy, so every head's output is exactly what <see cref="CompiledHead.Evaluate"/> gives.
/// </summary>
public sealed class CompiledHeads
{
    private readonly CompiledHead[] _heads;
    private readonly int _features;

    // Heads grouped by agreeing transforms: each group's transform per feature, and its heads' indices.
    private readonly FeatureTransform[][] _transforms;
    private readonly int[][] _members;

    public CompiledHeads(IReadOnlyList<CompiledHead> heads)
    {
        if (heads.Count == 0)
        {
            throw new ArgumentException("at least one head is needed", nameof(heads));
        }

        _heads = heads.ToArray();
        _features = _heads[0].Schema.Count;
        if (_heads.Any(h => !h.Schema.SequenceEqual(_heads[0].Schema)))
        {
            throw new ArgumentException("every head must be compiled against the same schema", nameof(heads));
        }

        var groups = new List<(FeatureTransform[] Transforms, bool[] Claimed, List<int> Members)>();
        for (var h = 0; h < _heads.Length; h++)
        {
            var head = _heads[h];
            var group = groups.FindIndex(g => Enumerable.Range(0, _features)
                .All(i => !head.Weighs(i) || !g.Claimed[i] || g.Transforms[i] == head.TransformOf(i)));
            if (group < 0)
            {
                groups.Add((new FeatureTransform[_features], new bool[_features], []));
                group = groups.Count - 1;
            }

            var (transforms, claimed, members) = groups[group];
            for (var i = 0; i < _features; i++)
            {
                if (head.Weighs(i))
                {
                    transforms[i] = head.TransformOf(i);
                    claimed[i] = true;
                }
            }

            members.Add(h);
        }

        _transforms = groups.Select(g => g.Transforms).ToArray();
        _members = groups.Select(g => g.Members.ToArray()).ToArray();
    }

    public int Count => _heads.Length;

    public IReadOnlyList<CompiledHead> Heads => _heads;

    /// <summary>How many transformed copies of a feature vector one evaluation makes (1 when all heads agree).</summary>
    public int TransformGroups => _transforms.Length;

    /// <summary>Every head's output for raw feature values in schema order, into <paramref name="outputs"/> (head order).</summary>
    public void Evaluate(ReadOnlySpan<double> features, Span<double> outputs)
    {
        if (features.Length != _features || outputs.Length < _heads.Length)
        {
            throw new ArgumentException($"expected {_features} features and room for {_heads.Length} outputs");
        }

        Span<double> transformed = _features <= 128 ? stackalloc double[_features] : new double[_features];
        for (var g = 0; g < _transforms.Length; g++)
        {
            var transforms = _transforms[g];
            for (var i = 0; i < transformed.Length; i++)
            {
                transformed[i] = CompiledHead.Transform(transforms[i], features[i]);
            }

            foreach (var h in _members[g])
            {
                outputs[h] = _heads[h].EvaluateTransformed(transformed);
            }
        }
    }
}
