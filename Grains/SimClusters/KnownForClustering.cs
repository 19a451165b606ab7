namespace Recsys.Grains.SimClusters;

/// <summary>
/// KnownFor community detection: each producer joins at most one of k communities so that similar producers share
/// one, by Metropolis–Hastings sweeps over a sparse binary membership matrix as in Twitter's SBF job
/// (UpdateKnownForSBFRunner: wtCoeff 10, 3 epochs, RNG seed 1, updates applied immediately, warm start from the
/// previous week; algorithm.md 4.1). Single-threaded and seeded: the same input and seed give the same result.
/// </summary>
public static class KnownForClustering
{
    private const double BestProposalShare = 0.5;

    /// <summary>Clusters the producers of <paramref name="similarity"/>, starting from <paramref name="previous"/> when given.</summary>
    public static KnownForAssignment Run(
        ProducerSimilarityGraph similarity, SimClustersOptions options, KnownForAssignment? previous = null)
    {
        var graph = WeightedProducerGraph.Build(similarity, options.SquareWeights);
        var k = CommunityCount(similarity.ProducerCount, options, previous);
        var state = new CommunityState(graph, k, options.WtCoeff);
        var random = DeterministicRandom.ForKey(options.Seed, key: 0);

        Initialize(state, graph, similarity, previous, ref random);
        var order = Enumerable.Range(0, graph.NodeCount).ToArray();
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order.AsSpan());
            foreach (var node in order)
            {
                Step(state, graph, node, ref random);
            }
        }

        return Score(state, graph, similarity);
    }

    /// <summary>
    /// k: the explicit <see cref="SimClustersOptions.Communities"/>, else ⌈producers / ProducersPerCommunity⌉, and never
    /// fewer than the previous run's k so that its cluster ids stay valid (the published job reuses the previous k).
    /// </summary>
    public static int CommunityCount(int producers, SimClustersOptions options, KnownForAssignment? previous) =>
        options.Communities ?? Math.Max(
            Math.Max(1, (producers + options.ProducersPerCommunity - 1) / options.ProducersPerCommunity),
            previous?.ClusterCount ?? 0);

    /// <summary>
    /// Keeps previous memberships that are still in range. A new producer joins its best neighbour cluster when that
    /// gains; otherwise it opens an empty cluster and brings its strongest unplaced neighbours, up to the average
    /// cluster size (the published job seeds empty clusters with new users and their neighbours).
    /// </summary>
    private static void Initialize(
        CommunityState state, WeightedProducerGraph graph, ProducerSimilarityGraph similarity,
        KnownForAssignment? previous, ref DeterministicRandom random)
    {
        for (var node = 0; node < graph.NodeCount; node++)
        {
            if (previous?.Producers.TryGetValue(similarity.ProducerId(node), out var membership) == true
                && membership.Cluster >= 1 && membership.Cluster <= state.ClusterCount)
            {
                state.Move(node, membership.Cluster - 1);
            }
        }

        var empty = Enumerable.Range(0, state.ClusterCount).Where(c => state.Sizes[c] == 0).ToArray();
        random.Shuffle(empty.AsSpan());
        var nextEmpty = 0;
        var newcomers = Enumerable.Range(0, graph.NodeCount)
            .Where(n => state.ClusterOf[n] == CommunityState.None && graph.NeighborsOf(n).Length > 0)
            .ToArray();
        random.Shuffle(newcomers.AsSpan());
        var target = Math.Max(1, (graph.NodeCount + state.ClusterCount - 1) / state.ClusterCount);
        foreach (var node in newcomers)
        {
            if (state.ClusterOf[node] != CommunityState.None)
            {
                continue; // brought in by an earlier seed
            }

            state.Score(node);
            var (best, gain) = state.BestNeighborCluster();
            if (best != CommunityState.None && gain > 0)
            {
                state.Move(node, best);
            }
            else if (nextEmpty < empty.Length)
            {
                Seed(state, graph, node, empty[nextEmpty++], target);
            }
        }
    }

    private static void Seed(CommunityState state, WeightedProducerGraph graph, int node, int cluster, int target)
    {
        state.Move(node, cluster);
        var neighbors = graph.NeighborsOf(node);
        var weights = graph.WeightsOf(node);
        var candidates = new List<(float Weight, int Node)>();
        for (var e = 0; e < neighbors.Length; e++)
        {
            if (state.ClusterOf[neighbors[e]] == CommunityState.None)
            {
                candidates.Add((weights[e], neighbors[e]));
            }
        }

        candidates.Sort((a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : a.Node.CompareTo(b.Node));
        foreach (var (_, neighbor) in candidates.Take(target - 1))
        {
            state.Move(neighbor, cluster);
        }
    }

    /// <summary>
    /// One Metropolis–Hastings step. The proposal mixes two moves: half the time the neighbour cluster with the best
    /// gain (ours: it makes a cold start converge within the published 3 epochs), otherwise the cluster of a
    /// neighbour drawn in proportion to edge weight, or leaving when that lands in the node's own cluster. A proposal
    /// is accepted with probability min(1, e^Δgain), so worse moves stay possible.
    /// </summary>
    private static void Step(CommunityState state, WeightedProducerGraph graph, int node, ref DeterministicRandom random)
    {
        if (graph.TotalWeights[node] <= 0)
        {
            return;
        }

        state.Score(node);
        var current = state.ClusterOf[node];
        int proposal;
        if (random.NextDouble() < BestProposalShare)
        {
            proposal = state.BestNeighborCluster().Cluster;
        }
        else
        {
            proposal = state.ClusterOf[DrawNeighbor(graph, node, ref random)];
            proposal = proposal == current ? CommunityState.None : proposal;
        }

        if (proposal == current)
        {
            return;
        }

        var delta = state.Gain(proposal) - state.Gain(current);
        if (delta >= 0 || random.NextDouble() < Math.Exp(delta))
        {
            state.Move(node, proposal);
        }
    }

    private static int DrawNeighbor(WeightedProducerGraph graph, int node, ref DeterministicRandom random)
    {
        var neighbors = graph.NeighborsOf(node);
        var weights = graph.WeightsOf(node);
        var draw = random.NextDouble() * graph.TotalWeights[node];
        for (var e = 0; e < neighbors.Length; e++)
        {
            draw -= weights[e];
            if (draw < 0)
            {
                return neighbors[e];
            }
        }

        return neighbors[^1]; // rounding left a sliver of the total
    }

    /// <summary>Membership score: the share of the producer's edge weight inside its cluster; zero shares are dropped.</summary>
    private static KnownForAssignment Score(CommunityState state, WeightedProducerGraph graph, ProducerSimilarityGraph similarity)
    {
        var producers = new Dictionary<long, KnownForMembership>();
        for (var node = 0; node < graph.NodeCount; node++)
        {
            var cluster = state.ClusterOf[node];
            if (cluster == CommunityState.None)
            {
                continue;
            }

            state.Score(node);
            var share = (float)(state.WeightIn(cluster) / graph.TotalWeights[node]);
            if (share > 0)
            {
                producers[similarity.ProducerId(node)] = new KnownForMembership(cluster + 1, share);
            }
        }

        return new KnownForAssignment(state.ClusterCount, producers);
    }
}
