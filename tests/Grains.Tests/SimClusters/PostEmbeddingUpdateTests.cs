using Recsys.Grains.SimClusters;

namespace Recsys.Grains.Tests.SimClusters;

[Trait("Category", "BVT")]
[Trait("Area", "SimClusters")]
public sealed class PostEmbeddingUpdateTests
{
    private static readonly DateTimeOffset Created = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly SimClustersOptions Options = new();

    [Fact]
    public void ALikeAddsTheLikersVectorAndEarlierLikesDecayWithAnEightHourHalfLife()
    {
        var liker = SparseVector.FromEntries([(1, 0.8f), (2, 0.6f)]);
        var post = PostEmbedding.Empty(42, Created);

        post = PostEmbeddingUpdate.ApplyLike(post, liker, Created.AddHours(1), Options);
        post = PostEmbeddingUpdate.ApplyLike(post, liker, Created.AddHours(9), Options);

        Assert.Equal(2, post.Likes);
        Assert.Equal(Created.AddHours(9), post.ScoresAt);
        Assert.Equal(0.8f * 1.5f, post.Scores.ScoreOf(1), 5);
        Assert.Equal(0.6f * 1.5f, post.Scores.ScoreOf(2), 5);
        Assert.Equal(0.8f * 1.5f / 2, post.ScoresAsOf(Created.AddHours(17), Options.TweetHalfLife).ScoreOf(1), 5);
    }

    [Fact]
    public void ALateLikeIsDecayedToTheEmbeddingsTime()
    {
        var liker = SparseVector.FromEntries([(1, 1f)]);
        var post = PostEmbeddingUpdate.ApplyLike(PostEmbedding.Empty(1, Created), liker, Created.AddHours(16), Options);

        post = PostEmbeddingUpdate.ApplyLike(post, liker, Created.AddHours(8), Options);

        Assert.Equal(Created.AddHours(16), post.ScoresAt);
        Assert.Equal(1.5f, post.Scores.ScoreOf(1), 5);
    }

    [Fact]
    public void LikesOnPostsOlderThanThreeDaysAreIgnored()
    {
        var liker = SparseVector.FromEntries([(1, 1f)]);
        var post = PostEmbedding.Empty(1, Created);

        var justInTime = PostEmbeddingUpdate.ApplyLike(post, liker, Created.AddDays(3), Options);
        var tooLate = PostEmbeddingUpdate.ApplyLike(post, liker, Created.AddDays(3).AddSeconds(1), Options);

        Assert.Equal(1, justInTime.Likes);
        Assert.Same(post, tooLate);
        Assert.False(PostEmbeddingUpdate.AcceptsLikeAt(post, Created.AddDays(4), Options));
    }

    [Fact]
    public void APostKeepsOnlyItsTopCommunitiesAboveTheStoreThreshold()
    {
        var options = new SimClustersOptions { MaxClustersPerPost = 3 };
        var post = PostEmbedding.Empty(1, Created);
        var liker = SparseVector.FromEntries([(1, 0.5f), (2, 0.4f), (3, 0.3f), (4, 0.2f), (5, 0.01f)]);

        post = PostEmbeddingUpdate.ApplyLike(post, liker, Created, options);

        Assert.Equal([1, 2, 3], post.Scores.Clusters.ToArray());
        var noisy = PostEmbeddingUpdate.ApplyLike(PostEmbedding.Empty(2, Created), liker, Created, Options);
        Assert.DoesNotContain(5, noisy.Scores.Clusters); // 0.01 is below the 0.02 tweet→cluster threshold
    }
}
