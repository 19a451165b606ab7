namespace Recsys.Grains.SimClusters;

/// <summary>
/// Each clustered producer's most similar producers, in compressed-row form: producers are indexed in ascending id
/// order and every row lists neighbour indices ascending with their cosines. Rows are directed top-K lists; KnownFor
/// makes them symmetric.
/// </summary>
public sealed class ProducerSimilarityGraph
{
    private readonly long[] _producerIds;
    private readonly Dictionary<long, int> _index;
    private readonly int[] _offsets;
    private readonly int[] _neighbors;
    private readonly float[] _cosines;

    internal ProducerSimilarityGraph(long[] producerIds, int[] offsets, int[] neighbors, float[] cosines)
    {
        _producerIds = producerIds;
        _offsets = offsets;
        _neighbors = neighbors;
        _cosines = cosines;
        _index = new Dictionary<long, int>(producerIds.Length);
        for (var i = 0; i < producerIds.Length; i++)
        {
            _index[producerIds[i]] = i;
        }
    }

    /// <summary>Producers that passed the follower minimum, with or without neighbours.</summary>
    public int ProducerCount => _producerIds.Length;

    /// <summary>Directed edges over all rows.</summary>
    public long EdgeCount => _neighbors.Length;

    public long ProducerId(int index) => _producerIds[index];

    /// <summary>The row index of a producer, or -1 when it was not clustered.</summary>
    public int IndexOf(long producerId) => _index.TryGetValue(producerId, out var i) ? i : -1;

    /// <summary>Neighbour row indices of one producer, ascending.</summary>
    public ReadOnlySpan<int> NeighborsOf(int index) => _neighbors.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);

    /// <summary>Cosines parallel to <see cref="NeighborsOf"/>.</summary>
    public ReadOnlySpan<float> CosinesOf(int index) => _cosines.AsSpan(_offsets[index], _offsets[index + 1] - _offsets[index]);

    /// <summary>A producer's neighbours from the most similar down; empty when it was not clustered.</summary>
    public IReadOnlyList<ProducerNeighbor> NeighborsOf(long producerId)
    {
        var index = IndexOf(producerId);
        if (index < 0)
        {
            return [];
        }

        var neighbors = NeighborsOf(index);
        var cosines = CosinesOf(index);
        var result = new ProducerNeighbor[neighbors.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new ProducerNeighbor(_producerIds[neighbors[i]], cosines[i]);
        }

        return result.OrderByDescending(n => n.Cosine).ThenBy(n => n.Producer).ToArray();
    }
}
