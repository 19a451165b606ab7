namespace Recsys.Grains.SimClusters;

/// <summary>
/// Producer embeddings from followers' InterestedIn (ProducerEmbeddingsFromInterestedIn, algorithm.md 4.4): for a
/// producer with enough followers, the cosine between its follower indicator vector and each community's InterestedIn
/// column, Σ_{u follows p} I(u, c) / (√followers(p) · ‖I(·, c)‖₂); cosines below MinProducerClusterCosine (0.01) are
/// dropped and the top MaxClustersPerProducer (60) kept. Values are raw cosines, not renormalised.
/// </summary>
public static class ProducerEmbeddings
{
    public static IReadOnlyDictionary<long, SparseVector> FromFollowers(
        FollowGraph follows, IReadOnlyDictionary<long, SparseVector> interestedIn, SimClustersOptions options)
    {
        var maxCluster = interestedIn.Values.Where(v => !v.IsEmpty).Select(v => v.Clusters[^1]).DefaultIfEmpty(0).Max();
        var columnNorms = new double[maxCluster + 1];
        foreach (var vector in interestedIn.Values)
        {
            for (var i = 0; i < vector.Count; i++)
            {
                columnNorms[vector.Clusters[i]] += (double)vector.Scores[i] * vector.Scores[i];
            }
        }

        for (var c = 0; c < columnNorms.Length; c++)
        {
            columnNorms[c] = Math.Sqrt(columnNorms[c]);
        }

        var byConsumer = new SparseVector?[follows.ConsumerCount];
        for (var c = 0; c < byConsumer.Length; c++)
        {
            byConsumer[c] = interestedIn.GetValueOrDefault(follows.ConsumerId(c));
        }

        var result = new Dictionary<long, SparseVector>();
        var sums = new double[maxCluster + 1];
        var entries = new List<(int, float)>();
        for (var p = 0; p < follows.ProducerCount; p++)
        {
            var followers = follows.FollowerCount(p);
            if (followers < options.MinFollowersForProducerEmbedding)
            {
                continue;
            }

            foreach (var consumer in follows.FollowersOf(p))
            {
                if (byConsumer[consumer] is { } vector)
                {
                    for (var i = 0; i < vector.Count; i++)
                    {
                        sums[vector.Clusters[i]] += vector.Scores[i];
                    }
                }
            }

            entries.Clear();
            var followerNorm = Math.Sqrt(followers);
            for (var c = 0; c < sums.Length; c++)
            {
                if (sums[c] != 0)
                {
                    var cosine = sums[c] / (followerNorm * columnNorms[c]);
                    if (cosine >= options.MinProducerClusterCosine)
                    {
                        entries.Add((c, (float)cosine));
                    }

                    sums[c] = 0;
                }
            }

            var embedding = SparseVector.FromEntries(entries).Top(options.MaxClustersPerProducer);
            if (!embedding.IsEmpty)
            {
                result[follows.ProducerId(p)] = embedding;
            }
        }

        return result;
    }
}
