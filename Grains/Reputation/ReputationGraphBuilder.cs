using System.Runtime.InteropServices;

namespace Recsys.Grains.Reputation;

/// <summary>
/// Collects nodes and edges by user id and builds a <see cref="ReputationGraph"/>. Node indices follow first
/// appearance (explicit <see cref="AddNode"/> calls, then edge endpoints), so the same input gives the same graph.
/// </summary>
public sealed class ReputationGraphBuilder
{
    private readonly bool weighted;
    private readonly ParallelEdgeMerge merge;
    private readonly Dictionary<long, int> indexById;
    private readonly List<long> nodeIds;
    private readonly List<int> sources;
    private readonly List<int> targets;
    private readonly List<float> weights;

    /// <param name="weighted">Keep edge weights; otherwise every edge weighs 1 and parallel edges collapse to one.</param>
    /// <param name="merge">How a weighted graph combines parallel edges.</param>
    /// <param name="nodeCapacity">Expected number of nodes, to avoid regrowing.</param>
    /// <param name="edgeCapacity">Expected number of edges, to avoid regrowing.</param>
    public ReputationGraphBuilder(bool weighted = false, ParallelEdgeMerge merge = ParallelEdgeMerge.Sum, int nodeCapacity = 0, int edgeCapacity = 0)
    {
        this.weighted = weighted;
        this.merge = merge;
        indexById = new Dictionary<long, int>(nodeCapacity);
        nodeIds = new List<long>(nodeCapacity);
        sources = new List<int>(edgeCapacity);
        targets = new List<int>(edgeCapacity);
        weights = new List<float>(weighted ? edgeCapacity : 0);
    }

    /// <summary>The number of nodes added so far.</summary>
    public int NodeCount => nodeIds.Count;

    /// <summary>Adds a node (even one without edges) and returns its index; adding an id twice returns the same index.</summary>
    public int AddNode(long nodeId)
    {
        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(indexById, nodeId, out var exists);
        if (!exists)
        {
            index = nodeIds.Count;
            nodeIds.Add(nodeId);
        }

        return index;
    }

    /// <summary>Whether a node with this id has been added.</summary>
    public bool ContainsNode(long nodeId) => indexById.ContainsKey(nodeId);

    /// <summary>Adds the edge <paramref name="source"/> → <paramref name="target"/>, adding either node if new.</summary>
    public void AddEdge(long source, long target, float weight = 1f)
    {
        sources.Add(AddNode(source));
        targets.Add(AddNode(target));
        if (weighted)
        {
            weights.Add(weight);
        }
    }

    /// <summary>Builds the immutable graph; the builder may be discarded afterwards.</summary>
    public ReputationGraph Build()
    {
        var csr = CsrConstruction.Build(
            nodeIds.Count, CollectionsMarshal.AsSpan(sources), CollectionsMarshal.AsSpan(targets),
            CollectionsMarshal.AsSpan(weights), weighted, merge);
        return new ReputationGraph(nodeIds.ToArray(), new Dictionary<long, int>(indexById), csr);
    }
}
