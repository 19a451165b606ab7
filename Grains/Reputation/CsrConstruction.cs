namespace Recsys.Grains.Reputation;

/// <summary>
/// Turns an edge list over dense indices into CSR arrays: a counting sort by source, a sort of each row by target
/// that lets parallel edges be merged in one pass, then a counting sort by target for the transpose. Linear apart
/// from the per-row sorts; besides the result it allocates only two int[NodeCount] cursors and, when parallel edges
/// were merged, one trimmed copy of the rows.
/// </summary>
internal static class CsrConstruction
{
    public static CsrArrays Build(
        int nodeCount, ReadOnlySpan<int> sources, ReadOnlySpan<int> targets, ReadOnlySpan<float> weights,
        bool weighted, ParallelEdgeMerge merge)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        if (targets.Length != sources.Length || (weighted && !weights.IsEmpty && weights.Length != sources.Length))
        {
            throw new ArgumentException("sources, targets and weights must have the same length.");
        }

        var offsets = CountRows(nodeCount, sources, targets);
        var (rowTargets, rowWeights) = Scatter(nodeCount, offsets, sources, targets, weighted ? weights : default, weighted);
        var edgeCount = SortAndMergeRows(nodeCount, offsets, rowTargets, rowWeights, merge);
        if (edgeCount < rowTargets.Length)
        {
            Array.Resize(ref rowTargets, edgeCount);
            if (rowWeights is not null)
            {
                Array.Resize(ref rowWeights, edgeCount);
            }
        }

        var totals = OutWeightTotals(nodeCount, offsets, rowWeights);
        var (inOffsets, inSources, inWeights) = Transpose(nodeCount, offsets, rowTargets, rowWeights);
        return new CsrArrays(offsets, rowTargets, rowWeights, inOffsets, inSources, inWeights, totals);
    }

    private static int[] CountRows(int nodeCount, ReadOnlySpan<int> sources, ReadOnlySpan<int> targets)
    {
        var offsets = new int[nodeCount + 1];
        for (var e = 0; e < sources.Length; e++)
        {
            int s = sources[e], t = targets[e];
            if ((uint)s >= (uint)nodeCount || (uint)t >= (uint)nodeCount)
            {
                throw new ArgumentOutOfRangeException(nameof(sources), $"edge {e} ({s} -> {t}) is outside 0..{nodeCount - 1}.");
            }

            offsets[s + 1]++;
        }

        for (var i = 0; i < nodeCount; i++)
        {
            offsets[i + 1] += offsets[i];
        }

        return offsets;
    }

    private static (int[] Targets, float[]? Weights) Scatter(
        int nodeCount, int[] offsets, ReadOnlySpan<int> sources, ReadOnlySpan<int> targets, ReadOnlySpan<float> weights, bool weighted)
    {
        var rowTargets = new int[sources.Length];
        var rowWeights = weighted ? new float[sources.Length] : null;
        var cursor = offsets.AsSpan(0, nodeCount).ToArray();
        for (var e = 0; e < sources.Length; e++)
        {
            var at = cursor[sources[e]]++;
            rowTargets[at] = targets[e];
            if (rowWeights is not null)
            {
                var w = weights.IsEmpty ? 1f : weights[e];
                if (!(w > 0f) || float.IsPositiveInfinity(w))
                {
                    throw new ArgumentOutOfRangeException(nameof(weights), $"edge {e} has weight {w}; weights must be positive and finite.");
                }

                rowWeights[at] = w;
            }
        }

        return (rowTargets, rowWeights);
    }

    // Sorts each row by target and merges equal targets, compacting the rows to the front; rewrites offsets.
    private static int SortAndMergeRows(int nodeCount, int[] offsets, int[] targets, float[]? weights, ParallelEdgeMerge merge)
    {
        var write = 0;
        for (var node = 0; node < nodeCount; node++)
        {
            int start = offsets[node], end = offsets[node + 1];
            offsets[node] = write;
            var rowStart = write;
            if (weights is null)
            {
                targets.AsSpan(start, end - start).Sort();
            }
            else
            {
                targets.AsSpan(start, end - start).Sort(weights.AsSpan(start, end - start));
            }

            for (var e = start; e < end; e++)
            {
                if (write > rowStart && targets[write - 1] == targets[e])
                {
                    if (weights is not null)
                    {
                        weights[write - 1] = merge == ParallelEdgeMerge.Max
                            ? Math.Max(weights[write - 1], weights[e])
                            : weights[write - 1] + weights[e];
                    }

                    continue;
                }

                targets[write] = targets[e];
                if (weights is not null)
                {
                    weights[write] = weights[e];
                }

                write++;
            }
        }

        offsets[nodeCount] = write;
        return write;
    }

    private static double[] OutWeightTotals(int nodeCount, int[] offsets, float[]? weights)
    {
        var totals = new double[nodeCount];
        for (var node = 0; node < nodeCount; node++)
        {
            if (weights is null)
            {
                totals[node] = offsets[node + 1] - offsets[node];
                continue;
            }

            var sum = 0.0;
            for (var e = offsets[node]; e < offsets[node + 1]; e++)
            {
                sum += weights[e];
            }

            totals[node] = sum;
        }

        return totals;
    }

    // Walking sources in ascending order leaves every in-row sorted by source.
    private static (int[] Offsets, int[] Sources, float[]? Weights) Transpose(int nodeCount, int[] offsets, int[] targets, float[]? weights)
    {
        var inOffsets = new int[nodeCount + 1];
        foreach (var t in targets)
        {
            inOffsets[t + 1]++;
        }

        for (var i = 0; i < nodeCount; i++)
        {
            inOffsets[i + 1] += inOffsets[i];
        }

        var inSources = new int[targets.Length];
        var inWeights = weights is null ? null : new float[targets.Length];
        var cursor = inOffsets.AsSpan(0, nodeCount).ToArray();
        for (var s = 0; s < nodeCount; s++)
        {
            for (var e = offsets[s]; e < offsets[s + 1]; e++)
            {
                var at = cursor[targets[e]]++;
                inSources[at] = s;
                if (inWeights is not null)
                {
                    inWeights[at] = weights![e];
                }
            }
        }

        return (inOffsets, inSources, inWeights);
    }
}
