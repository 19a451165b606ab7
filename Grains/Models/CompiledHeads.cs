using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Recsys.Grains.Models;

/// <summary>
/// Heads compiled against one schema, evaluated together on one feature vector: each feature is transformed once
/// for all the heads that agree on its transform, then each head is a plain dot product
/// (<see cref="CompiledHead.EvaluateTransformed"/>). Heads that transform a feature they both weigh differently
/// get their own transformed copy, so every head's output is exactly what <see cref="CompiledHead.Evaluate"/> gives.
/// </summary>
public sealed class CompiledHeads
{
    // Up to 16 heads of a group are evaluated as 16 lanes of four 256-bit vectors: per used feature (ascending), each
    // lane adds weight x transformed value, the same products in the same order as the head's own sum, plus products
    // of zero weights, which change no non-zero sum (a zero sum may flip sign, which no output shows: sigmoid(±0) = ½).
    private const int Lanes = 16;

    private readonly int[][] _used; // per group, the features some head of it weighs, ascending
    private readonly int[]?[] _logged; // per group, those of them it log-scales, the rest being linear (null: other transforms too)
    private readonly (double[] Weights, double[] Intercepts)?[] _lanes; // per group: [used feature][lane], and per lane

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
        _used = groups.Select(g => Enumerable.Range(0, _features).Where(i => g.Claimed[i]).ToArray()).ToArray();
        _logged = groups.Select(g => Enumerable.Range(0, _features).Any(i => g.Claimed[i] && g.Transforms[i] is not (FeatureTransform.Linear or FeatureTransform.Log1p))
            ? null
            : Enumerable.Range(0, _features).Where(i => g.Claimed[i] && g.Transforms[i] == FeatureTransform.Log1p).ToArray()).ToArray();
        _lanes = groups.Select(g => g.Members.Count <= Lanes && Vector256.IsHardwareAccelerated
            ? LaneWeights(g.Members, g.Claimed) : ((double[] Weights, double[] Intercepts)?)null).ToArray();
    }

    private (double[] Weights, double[] Intercepts) LaneWeights(List<int> members, bool[] claimed)
    {
        var used = Enumerable.Range(0, _features).Where(i => claimed[i]).ToArray();
        var weights = new double[used.Length * Lanes];
        var intercepts = new double[Lanes];
        for (var m = 0; m < members.Count; m++)
        {
            var head = _heads[members[m]];
            intercepts[m] = head.Head.Intercept.Weight;
            for (var j = 0; j < used.Length; j++)
            {
                weights[j * Lanes + m] = head.WeightOf(used[j]);
            }
        }

        return (weights, intercepts);
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
            // As CompiledHead.Transform; by kind where the kinds are the two known ones: the used features copied, then
            // the logged ones log-scaled (finite inputs give finite outputs, so the inputs are checked).
            var finite = true;
            foreach (var i in _used[g])
            {
                transformed[i] = features[i];
                finite &= double.IsFinite(features[i]);
            }

            if (_logged[g] is { } logged)
            {
                foreach (var i in logged)
                {
                    var value = features[i];
                    transformed[i] = value <= 0 ? 0 : Math.Log(1 + value);
                }
            }
            else
            {
                foreach (var i in _used[g])
                {
                    transformed[i] = CompiledHead.Transform(_transforms[g][i], features[i]);
                    finite &= double.IsFinite(transformed[i]);
                }
            }

            if (finite && _lanes[g] is { } lanes)
            {
                EvaluateLanes(_used[g], transformed, lanes.Weights, lanes.Intercepts, _members[g], outputs);
                continue;
            }

            foreach (var h in _members[g])
            {
                outputs[h] = _heads[h].EvaluateTransformed(transformed); // 0 × ∞ would be NaN where the head skips it
            }
        }
    }

    private void EvaluateLanes(int[] used, ReadOnlySpan<double> transformed, double[] weights, double[] intercepts, int[] members, Span<double> outputs)
    {
        ref var w = ref MemoryMarshal.GetArrayDataReference(weights);
        var a0 = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(intercepts), 0);
        var a1 = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(intercepts), 4);
        var a2 = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(intercepts), 8);
        var a3 = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(intercepts), 12);
        for (var j = 0; j < used.Length; j++)
        {
            var t = Vector256.Create(transformed[used[j]]);
            var row = (nuint)(j * Lanes);
            a0 += Vector256.LoadUnsafe(ref w, row) * t; // multiply, then add: not fused, as the scalar sum
            a1 += Vector256.LoadUnsafe(ref w, row + 4) * t;
            a2 += Vector256.LoadUnsafe(ref w, row + 8) * t;
            a3 += Vector256.LoadUnsafe(ref w, row + 12) * t;
        }

        Span<double> sums = stackalloc double[Lanes];
        a0.CopyTo(sums);
        a1.CopyTo(sums[4..]);
        a2.CopyTo(sums[8..]);
        a3.CopyTo(sums[12..]);
        for (var m = 0; m < members.Length; m++)
        {
            var head = _heads[members[m]];
            outputs[members[m]] = head.Head.Kind == HeadKind.Logistic ? CompiledHead.Sigmoid(sums[m]) : sums[m];
        }
    }
}
