namespace Recsys.Grains.SimClusters;

/// <summary>
/// The online post embedding rule of the published TweetJob (algorithm.md 4.5): every like adds the liker's
/// InterestedIn vector as a decayed value with an 8 h half-life; likes on posts older than 3 days are ignored.
/// We add the whole L2-normalised InterestedIn vector rather than the published per-cluster logFav score gated at
/// favScore ≥ 0.3, which our InterestedIn does not carry.
/// </summary>
public static class PostEmbeddingUpdate
{
    /// <summary>False when the post is older than MaxTweetAge at <paramref name="likedAt"/>.</summary>
    public static bool AcceptsLikeAt(PostEmbedding post, DateTimeOffset likedAt, SimClustersOptions options) =>
        likedAt - post.CreatedAt <= options.MaxTweetAge;

    /// <summary>
    /// The embedding after one like, valued at the later of the like and the current <see cref="PostEmbedding.ScoresAt"/>
    /// (a late-arriving like is decayed to it); entries below MinPostClusterScore are dropped and the top
    /// MaxClustersPerPost kept. Returns <paramref name="post"/> itself when the like is ignored.
    /// </summary>
    public static PostEmbedding ApplyLike(
        PostEmbedding post, SparseVector likerInterestedIn, DateTimeOffset likedAt, SimClustersOptions options)
    {
        if (!AcceptsLikeAt(post, likedAt, options))
        {
            return post;
        }

        var at = likedAt > post.ScoresAt ? likedAt : post.ScoresAt;
        var scores = SparseVector.DecayedSum(
            post.Scores, HalfLifeDecay.Factor(at - post.ScoresAt, options.TweetHalfLife),
            likerInterestedIn, HalfLifeDecay.Factor(at - likedAt, options.TweetHalfLife),
            options.MinPostClusterScore, options.MaxClustersPerPost);
        return post with { Scores = scores, ScoresAt = at, Likes = post.Likes + 1 };
    }
}
