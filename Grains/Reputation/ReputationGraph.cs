namespace Recsys.Grains.Reputation;

/// <summary>
/// An immutable directed graph in compressed sparse row form, with its transpose, for PageRank.
/// </summary>
/// <remarks>
/// Nodes are dense <c>int</c> indices 0..NodeCount-1 (each mapped to a user id); edges are <c>int</c> arrays, so
/// 20M edges cost 80 MB per direction, and a graph holds at most <see cref="int.MaxValue"/> edges. Weights are
/// floats (tweepcred's own weights are Array[Float]; a RealGraph score needs no more than 7 digits) and take no
/// memory at all in an unweighted graph; every sum over them is done in double.
/// Out-rows are sorted by target index with parallel edges merged; in-rows are sorted by source index, which fixes
/// the order in which PageRank adds up a node's incoming mass. Self-loops are kept (networkx keeps them).
/// </remarks>
public sealed class ReputationGraph
{
    private readonly long[]? nodeIds;
    private readonly Dictionary<long, int>? indexById;
    private readonly int[] outOffsets;
    private readonly int[] outTargets;
    private readonly float[]? outWeights;
    private readonly int[] inOffsets;
    private readonly int[] inSources;
    private readonly float[]? inWeights;
    private readonly double[] outWeightTotals;

    internal ReputationGraph(long[]? nodeIds, Dictionary<long, int>? indexById, CsrArrays csr)
    {
        this.nodeIds = nodeIds;
        this.indexById = indexById;
        NodeCount = csr.OutOffsets.Length - 1;
        outOffsets = csr.OutOffsets;
        outTargets = csr.OutTargets;
        outWeights = csr.OutWeights;
        inOffsets = csr.InOffsets;
        inSources = csr.InSources;
        inWeights = csr.InWeights;
        outWeightTotals = csr.OutWeightTotals;
    }

    /// <summary>The number of nodes.</summary>
    public int NodeCount { get; }

    /// <summary>The number of distinct (source, target) edges.</summary>
    public int EdgeCount => outOffsets[NodeCount];

    /// <summary>Bytes held by the graph's arrays (offsets, edges, weights, out-weight totals, ids), for reports.</summary>
    public long ArrayBytes =>
        (2L * (NodeCount + 1) * sizeof(int)) + (2L * outTargets.Length * sizeof(int))
        + (outWeights is null ? 0 : 2L * outWeights.Length * sizeof(float))
        + ((long)NodeCount * sizeof(double)) + (nodeIds is null ? 0 : (long)nodeIds.Length * sizeof(long));

    /// <summary>Whether edges carry weights; if not, every edge weighs 1.</summary>
    public bool IsWeighted => outWeights is not null;

    /// <summary>
    /// Builds a graph over dense node indices 0..<paramref name="nodeCount"/>-1 (node id = index), without a
    /// dictionary: the lean path for generated or pre-indexed graphs. The arrays are read, not kept.
    /// </summary>
    public static ReputationGraph FromDenseEdges(
        int nodeCount, ReadOnlySpan<int> sources, ReadOnlySpan<int> targets, ReadOnlySpan<float> weights = default,
        bool weighted = false, ParallelEdgeMerge merge = ParallelEdgeMerge.Sum) =>
        new(null, null, CsrConstruction.Build(nodeCount, sources, targets, weights, weighted, merge));

    /// <summary>The user id of a node index.</summary>
    public long NodeId(int index) => nodeIds is null ? DenseId(index) : nodeIds[index];

    /// <summary>The node index of a user id, if the user is in the graph.</summary>
    public bool TryGetIndex(long nodeId, out int index)
    {
        if (indexById is not null)
        {
            return indexById.TryGetValue(nodeId, out index);
        }

        index = (int)nodeId;
        return nodeId >= 0 && nodeId < NodeCount;
    }

    /// <summary>The targets of a node's out-edges, ascending.</summary>
    public ReadOnlySpan<int> OutTargets(int node) => outTargets.AsSpan(outOffsets[node], outOffsets[node + 1] - outOffsets[node]);

    /// <summary>The weights matching <see cref="OutTargets"/>; empty in an unweighted graph.</summary>
    public ReadOnlySpan<float> OutWeights(int node) =>
        outWeights is null ? default : outWeights.AsSpan(outOffsets[node], outOffsets[node + 1] - outOffsets[node]);

    /// <summary>The sources of a node's in-edges, ascending.</summary>
    public ReadOnlySpan<int> InSources(int node) => inSources.AsSpan(inOffsets[node], inOffsets[node + 1] - inOffsets[node]);

    /// <summary>The weights matching <see cref="InSources"/>; empty in an unweighted graph.</summary>
    public ReadOnlySpan<float> InWeights(int node) =>
        inWeights is null ? default : inWeights.AsSpan(inOffsets[node], inOffsets[node + 1] - inOffsets[node]);

    /// <summary>The number of out-edges of a node.</summary>
    public int OutDegree(int node) => outOffsets[node + 1] - outOffsets[node];

    /// <summary>
    /// The total out-weight W(j) that a node's rank is divided by: its out-degree when unweighted, else the sum of
    /// its out-weights taken in double, in ascending target order.
    /// </summary>
    public double OutWeightTotal(int node) => outWeightTotals[node];

    /// <summary>Whether a node has no out-edges, so its rank would leak (the "dead" mass).</summary>
    public bool IsDangling(int node) => outOffsets[node + 1] == outOffsets[node];

    // Whole arrays for the hot loops in this folder.
    internal int[] InOffsetArray => inOffsets;

    internal int[] InSourceArray => inSources;

    internal float[]? InWeightArray => inWeights;

    internal double[] OutWeightTotalArray => outWeightTotals;

    private long DenseId(int index) => (uint)index < (uint)NodeCount ? index : throw new ArgumentOutOfRangeException(nameof(index));
}
