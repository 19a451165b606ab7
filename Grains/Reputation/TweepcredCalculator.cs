namespace Recsys.Grains.Reputation;

/// <summary>
/// The whole tweepcred job as one pure function (algorithm.md section 2): user-mass prior, PageRank over the follow
/// graph, post-adjustment, and the 0..100 mapping.
/// </summary>
public static class TweepcredCalculator
{
    /// <summary>Computes every user's PageRank and tweepcred.</summary>
    /// <param name="users">The graph's nodes (deactivated users left out); ids must be distinct.</param>
    /// <param name="edges">
    /// Follow edges. Edges touching an id not in <paramref name="users"/> are dropped, as the source drops edges
    /// whose users have no mass (PreparePageRankData.getGraphData); so are self-follows. Weighted runs give an edge
    /// max(1, Weight) and keep the larger weight of duplicates; unweighted runs count a duplicate follow once.
    /// </param>
    /// <param name="options">Job options; validated.</param>
    /// <param name="previousRanks">Yesterday's PageRank by user id, to start from; users missing from it start at their prior.</param>
    /// <param name="maxDegreeOfParallelism">Cores for PageRank; -1 for all. Does not change the result.</param>
    public static TweepcredResult Compute(
        IReadOnlyList<UserFacts> users, IEnumerable<FollowEdge> edges, TweepcredOptions options,
        IReadOnlyDictionary<long, double>? previousRanks = null, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(edges);
        TweepcredOptionsValidator.ThrowIfInvalid(options);

        var graph = BuildGraph(users, edges, options.UseRealGraphWeights);
        var prior = UserMass.Prior(users);
        var initial = previousRanks is null ? null : StartingRanks(users, prior, previousRanks);
        var pageRank = PageRank.Run(graph, prior, options, initial, maxDegreeOfParallelism);
        var adjusted = options.PostAdjust ? PostAdjustment.Apply(pageRank.Ranks, users) : pageRank.Ranks;

        var result = new UserTweepcred[users.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var tweepcred = TweepcredScale.ToTweepcred(adjusted[i], users.Count, options.ReferencePopulation);
            result[i] = new UserTweepcred(users[i].UserId, pageRank.Ranks[i], adjusted[i], tweepcred);
        }

        return new TweepcredResult(result, pageRank.Iterations, pageRank.Delta, pageRank.Converged);
    }

    /// <summary>The graph Compute runs on: node i is users[i].</summary>
    public static ReputationGraph BuildGraph(IReadOnlyList<UserFacts> users, IEnumerable<FollowEdge> edges, bool weighted)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(edges);
        var builder = new ReputationGraphBuilder(weighted, ParallelEdgeMerge.Max, users.Count);
        for (var i = 0; i < users.Count; i++)
        {
            if (builder.AddNode(users[i].UserId) != i)
            {
                throw new ArgumentException($"user {users[i].UserId} appears twice.", nameof(users));
            }
        }

        foreach (var edge in edges)
        {
            if (edge.Source != edge.Target && builder.ContainsNode(edge.Source) && builder.ContainsNode(edge.Target))
            {
                builder.AddEdge(edge.Source, edge.Target, weighted ? Math.Max(1f, edge.Weight) : 1f);
            }
        }

        return builder.Build();
    }

    private static double[] StartingRanks(IReadOnlyList<UserFacts> users, double[] prior, IReadOnlyDictionary<long, double> previous)
    {
        var initial = new double[users.Count];
        for (var i = 0; i < initial.Length; i++)
        {
            initial[i] = previous.TryGetValue(users[i].UserId, out var rank) ? rank : prior[i];
        }

        return initial;
    }
}
