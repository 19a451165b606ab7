namespace Recsys.Grains.SimClusters;

/// <summary>
/// InterestedIn consumer embeddings from KnownFor (InterestedInFromKnownFor, algorithm.md 4.3): for every followed
/// or liked producer v known for community c with score kf, followScore(u, c) += kf and favScore(u, c) += kf · fav(u, v).
/// A community counts once the user follows or liked at least SocialProofThreshold (2) of its producers; the top
/// MaxClustersPerUser (50) are kept and the vector is L2-normalised. The cluster-normalised and log-fav variants of
/// the published job are left out.
/// </summary>
public static class InterestedIn
{
    /// <summary>One user's vector, for a grain that recomputes it when the user follows or likes.</summary>
    public static SparseVector ForUser(
        IEnumerable<long> followedProducers,
        IEnumerable<(long Producer, float FavScore)> likedProducers,
        KnownForAssignment knownFor,
        SimClustersOptions options)
    {
        var accumulator = new InterestedInAccumulator(knownFor, options);
        foreach (var producer in followedProducers)
        {
            accumulator.Add(producer, follows: true, favScore: 0);
        }

        foreach (var (producer, favScore) in likedProducers)
        {
            accumulator.Add(producer, follows: false, favScore);
        }

        return accumulator.Build();
    }

    /// <summary>Every user's non-empty vector, for the batch job.</summary>
    public static IReadOnlyDictionary<long, SparseVector> ForAll(
        FollowGraph follows, IEnumerable<FavEdge> favs, KnownForAssignment knownFor, SimClustersOptions options)
    {
        var favsByUser = favs.GroupBy(f => f.Consumer).ToDictionary(g => g.Key, g => g.ToList());
        var accumulator = new InterestedInAccumulator(knownFor, options);
        var result = new Dictionary<long, SparseVector>();
        void Emit(long user)
        {
            var vector = accumulator.Build();
            if (!vector.IsEmpty)
            {
                result[user] = vector;
            }
        }

        for (var c = 0; c < follows.ConsumerCount; c++)
        {
            var user = follows.ConsumerId(c);
            foreach (var producer in follows.FollowingsOf(c))
            {
                accumulator.Add(follows.ProducerId(producer), follows: true, favScore: 0);
            }

            if (favsByUser.Remove(user, out var liked))
            {
                liked.ForEach(f => accumulator.Add(f.Producer, follows: false, f.Score));
            }

            Emit(user);
        }

        foreach (var (user, liked) in favsByUser.OrderBy(p => p.Key))
        {
            liked.ForEach(f => accumulator.Add(f.Producer, follows: false, f.Score));
            Emit(user);
        }

        return result;
    }
}
