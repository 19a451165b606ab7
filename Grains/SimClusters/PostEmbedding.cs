namespace Recsys.Grains.SimClusters;

/// <summary>
/// A post's community vector as it grows from likes. <see cref="Scores"/> are decayed values all recorded at
/// <see cref="ScoresAt"/> (one shared timestamp, so one decay brings the whole vector to any instant).
/// </summary>
/// <param name="PostId">The post.</param>
/// <param name="CreatedAt">When the post was created; likes older than MaxTweetAge after this are ignored.</param>
/// <param name="Scores">Community scores as of <paramref name="ScoresAt"/>.</param>
/// <param name="ScoresAt">The instant <paramref name="Scores"/> are valued at.</param>
/// <param name="Likes">Likes applied so far (the published persistent index keeps posts with at least 8).</param>
public sealed record PostEmbedding(long PostId, DateTimeOffset CreatedAt, SparseVector Scores, DateTimeOffset ScoresAt, int Likes)
{
    /// <summary>A new post's embedding: empty, as in the published TweetJob.</summary>
    public static PostEmbedding Empty(long postId, DateTimeOffset createdAt) => new(postId, createdAt, SparseVector.Empty, createdAt, 0);

    /// <summary>The scores decayed (or, for an instant before <see cref="ScoresAt"/>, grown back) to <paramref name="at"/>.</summary>
    public SparseVector ScoresAsOf(DateTimeOffset at, TimeSpan halfLife) => Scores.Decayed(at - ScoresAt, halfLife);
}
