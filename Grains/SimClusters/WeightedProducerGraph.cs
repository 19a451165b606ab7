namespace Recsys.Grains.SimClusters;

/// <summary>
/// The symmetric weighted graph KnownFor optimises over. As in UpdateKnownForSBFRunner, an edge kept by either
/// endpoint's top-K list is kept both ways with the larger cosine, then weighted by
/// <see cref="ProducerSimilarity.EdgeWeight"/>. Rows are sorted by neighbour.
/// </summary>
internal sealed class WeightedProducerGraph
{
    private readonly int[] _offsets;
    private readonly int[] _neighbors;
    private readonly float[] _weights;

    private WeightedProducerGraph(int[] offsets, int[] neighbors, float[] weights)
    {
        _offsets = offsets;
        _neighbors = neighbors;
        _weights = weights;
        TotalWeights = new double[offsets.Length - 1];
        for (var i = 0; i < TotalWeights.Length; i++)
        {
            foreach (var w in WeightsOf(i))
            {
                TotalWeights[i] += w;
            }
        }
    }

    public int NodeCount => _offsets.Length - 1;

    /// <summary>Σ of each node's edge weights.</summary>
    public double[] TotalWeights { get; }

    public ReadOnlySpan<int> NeighborsOf(int node) => _neighbors.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    public ReadOnlySpan<float> WeightsOf(int node) => _weights.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    /// <summary>
    /// Row a of the result is the sorted union of a's own list and of the producers listing a (the transpose, built by
    /// a counting sort so its rows come out sorted); both are merged in one linear pass per row.
    /// </summary>
    public static WeightedProducerGraph Build(ProducerSimilarityGraph similarity, bool squareWeights)
    {
        var n = similarity.ProducerCount;
        var (inOffsets, inNeighbors, inCosines) = Transpose(similarity);

        var offsets = new int[n + 1];
        for (var a = 0; a < n; a++)
        {
            offsets[a + 1] = offsets[a] + Merge(similarity.NeighborsOf(a), similarity.CosinesOf(a), Row(inNeighbors, inOffsets, a), Row(inCosines, inOffsets, a), [], [], squareWeights);
        }

        var neighbors = new int[offsets[n]];
        var weights = new float[offsets[n]];
        for (var a = 0; a < n; a++)
        {
            Merge(
                similarity.NeighborsOf(a), similarity.CosinesOf(a), Row(inNeighbors, inOffsets, a), Row(inCosines, inOffsets, a),
                neighbors.AsSpan(offsets[a], offsets[a + 1] - offsets[a]), weights.AsSpan(offsets[a], offsets[a + 1] - offsets[a]), squareWeights);
        }

        return new WeightedProducerGraph(offsets, neighbors, weights);
    }

    private static (int[] Offsets, int[] Neighbors, float[] Cosines) Transpose(ProducerSimilarityGraph similarity)
    {
        var n = similarity.ProducerCount;
        var offsets = new int[n + 1];
        for (var a = 0; a < n; a++)
        {
            foreach (var b in similarity.NeighborsOf(a))
            {
                offsets[b + 1]++;
            }
        }

        for (var b = 0; b < n; b++)
        {
            offsets[b + 1] += offsets[b];
        }

        var neighbors = new int[offsets[n]];
        var cosines = new float[offsets[n]];
        var next = offsets[..^1];
        for (var a = 0; a < n; a++)
        {
            var row = similarity.NeighborsOf(a);
            var rowCosines = similarity.CosinesOf(a);
            for (var e = 0; e < row.Length; e++)
            {
                var slot = next[row[e]]++;
                (neighbors[slot], cosines[slot]) = (a, rowCosines[e]);
            }
        }

        return (offsets, neighbors, cosines);
    }

    private static ReadOnlySpan<T> Row<T>(T[] cells, int[] offsets, int row) => cells.AsSpan(offsets[row], offsets[row + 1] - offsets[row]);

    // Merges two ascending rows, an edge in both taking the larger cosine; writes when given room, returns the union size.
    private static int Merge(
        ReadOnlySpan<int> outIds, ReadOnlySpan<float> outCosines, ReadOnlySpan<int> inIds, ReadOnlySpan<float> inCosines,
        Span<int> ids, Span<float> weights, bool squareWeights)
    {
        var (i, j, n) = (0, 0, 0);
        while (i < outIds.Length || j < inIds.Length)
        {
            int id;
            float cosine;
            if (j == inIds.Length || (i < outIds.Length && outIds[i] < inIds[j]))
            {
                (id, cosine) = (outIds[i], outCosines[i]);
                i++;
            }
            else if (i == outIds.Length || inIds[j] < outIds[i])
            {
                (id, cosine) = (inIds[j], inCosines[j]);
                j++;
            }
            else
            {
                (id, cosine) = (outIds[i], Math.Max(outCosines[i], inCosines[j]));
                i++;
                j++;
            }

            if (n < ids.Length)
            {
                (ids[n], weights[n]) = (id, ProducerSimilarity.EdgeWeight(cosine, squareWeights));
            }

            n++;
        }

        return n;
    }
}
