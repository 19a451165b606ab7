namespace Recsys.Grains.SimClusters;

/// <summary>
/// The mutable membership vector KnownFor optimises (each node in at most one of k clusters), with cluster sizes
/// and the per-node scratch that scores every candidate cluster in one pass over the node's neighbours.
/// </summary>
/// <remarks>
/// The objective is the SimClusters one (Satuluri et al., KDD 2020): reward neighbours that share a node's cluster,
/// weighted by wtCoeff × edge weight, and charge one unit for every member that is not a neighbour. So the gain of
/// node u sitting in cluster c is wtCoeff·W_c − (|c \ {u}| − N_c), where W_c and N_c are the weight and number of u's
/// neighbours in c; sitting in no cluster gains 0.
/// </remarks>
internal sealed class CommunityState
{
    public const int None = -1;

    private readonly WeightedProducerGraph _graph;
    private readonly double _wtCoeff;
    private readonly double[] _weightIn;
    private readonly int[] _neighborsIn;
    private readonly int[] _touched;
    private int _touchedCount;
    private int _scoredNode = None;

    public CommunityState(WeightedProducerGraph graph, int clusterCount, double wtCoeff)
    {
        _graph = graph;
        _wtCoeff = wtCoeff;
        ClusterOf = new int[graph.NodeCount];
        Array.Fill(ClusterOf, None);
        Sizes = new int[clusterCount];
        _weightIn = new double[clusterCount];
        _neighborsIn = new int[clusterCount];
        _touched = new int[clusterCount];
    }

    public int[] ClusterOf { get; }

    public int[] Sizes { get; }

    public int ClusterCount => Sizes.Length;

    /// <summary>Tallies the node's neighbours per cluster; <see cref="Gain"/> then reads the tallies.</summary>
    public void Score(int node)
    {
        for (var t = 0; t < _touchedCount; t++)
        {
            _weightIn[_touched[t]] = 0;
            _neighborsIn[_touched[t]] = 0;
        }

        _touchedCount = 0;
        var neighbors = _graph.NeighborsOf(node);
        var weights = _graph.WeightsOf(node);
        for (var e = 0; e < neighbors.Length; e++)
        {
            var cluster = ClusterOf[neighbors[e]];
            if (cluster == None)
            {
                continue;
            }

            if (_neighborsIn[cluster] == 0)
            {
                _touched[_touchedCount++] = cluster;
            }

            _weightIn[cluster] += weights[e];
            _neighborsIn[cluster]++;
        }

        _scoredNode = node;
    }

    /// <summary>The scored node's gain from sitting in <paramref name="cluster"/> (0 for <see cref="None"/>).</summary>
    public double Gain(int cluster)
    {
        if (cluster == None)
        {
            return 0;
        }

        var others = Sizes[cluster] - (ClusterOf[_scoredNode] == cluster ? 1 : 0);
        return _wtCoeff * _weightIn[cluster] - (others - _neighborsIn[cluster]);
    }

    /// <summary>Edge weight from the scored node into <paramref name="cluster"/>.</summary>
    public double WeightIn(int cluster) => cluster == None ? 0 : _weightIn[cluster];

    /// <summary>The neighbour cluster with the highest gain (ties: lower id), or <see cref="None"/> when no neighbour is placed.</summary>
    public (int Cluster, double Gain) BestNeighborCluster()
    {
        var (best, bestGain) = (None, double.NegativeInfinity);
        for (var t = 0; t < _touchedCount; t++)
        {
            var cluster = _touched[t];
            var gain = Gain(cluster);
            if (gain > bestGain || (gain == bestGain && cluster < best))
            {
                (best, bestGain) = (cluster, gain);
            }
        }

        return (best, bestGain);
    }

    public void Move(int node, int cluster)
    {
        if (ClusterOf[node] != None)
        {
            Sizes[ClusterOf[node]]--;
        }

        ClusterOf[node] = cluster;
        if (cluster != None)
        {
            Sizes[cluster]++;
        }
    }
}
