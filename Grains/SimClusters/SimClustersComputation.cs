using Recsys.Grains.Interfaces.SimClusters;

namespace Recsys.Grains.SimClusters;

/// <summary>
/// The batch half of the SimClusters job on gathered inputs, without any grain: the follow graph, producer
/// similarity, KnownFor (warm-started from the previous assignment when given), InterestedIn from follows and likes,
/// and producer embeddings (algorithm.md 4.1–4.4).
/// </summary>
public static class SimClustersComputation
{
    /// <summary>Runs every step; <paramref name="progress"/> hears each step's start with its share of the work done.</summary>
    public static SimClustersResult Run(
        IReadOnlyList<UserSimClustersInput> inputs, KnownForAssignment? previous, SimClustersOptions options, Action<double, string>? progress = null)
    {
        progress ??= (_, _) => { };
        progress(0, "follow graph");
        var follows = FollowGraph.Build(inputs.SelectMany(u => u.Follows.Select(p => new FollowEdge(u.UserId, p))).ToList());
        var favs = inputs.SelectMany(u => u.Likes.Select(l => new FavEdge(u.UserId, l.ProducerId, l.Score))).ToList();

        var effective = options.Clone();
        effective.MinFollowers = EffectiveMinFollowers(follows, options);
        progress(0.05, $"producer similarity (≥ {effective.MinFollowers} followers)");
        var similarity = ProducerSimilarity.Compute(follows, effective);

        progress(0.4, $"KnownFor over {similarity.ProducerCount:N0} producers ({(previous is null ? "cold start" : "from the previous assignment")})");
        var knownFor = KnownForClustering.Run(similarity, effective, previous);

        progress(0.8, "InterestedIn and producer embeddings");
        var interestedIn = InterestedIn.ForAll(follows, favs, knownFor, effective);
        var producerEmbeddings = ProducerEmbeddings.FromFollowers(follows, interestedIn, effective);
        return new SimClustersResult(knownFor, interestedIn, producerEmbeddings, effective.MinFollowers, similarity.ProducerCount, follows.EdgeCount, favs.Count);
    }

    /// <summary>
    /// MinFollowers, lowered to the follower count reached by MinProducerShare of the users with followers when fewer
    /// reach it (never below 2: a single follower says nothing about similarity).
    /// </summary>
    public static int EffectiveMinFollowers(FollowGraph follows, SimClustersOptions options)
    {
        if (options.MinProducerShare <= 0 || follows.ProducerCount == 0)
        {
            return options.MinFollowers;
        }

        var counts = new int[follows.ProducerCount];
        for (var p = 0; p < counts.Length; p++)
        {
            counts[p] = follows.FollowerCount(p);
        }

        Array.Sort(counts);
        Array.Reverse(counts);
        var index = Math.Clamp((int)Math.Ceiling(options.MinProducerShare * counts.Length) - 1, 0, counts.Length - 1);
        return Math.Min(options.MinFollowers, Math.Max(2, counts[index]));
    }
}

/// <summary>What one SimClusters computation produced, and the threshold and sizes it ran with.</summary>
public sealed record SimClustersResult(
    KnownForAssignment KnownFor,
    IReadOnlyDictionary<long, SparseVector> InterestedIn,
    IReadOnlyDictionary<long, SparseVector> ProducerEmbeddings,
    int MinFollowers,
    int ClusteredProducers,
    int FollowEdges,
    int LikeEdges);
