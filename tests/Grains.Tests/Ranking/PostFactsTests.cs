using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.SimClusters;
using static Recsys.Grains.Tests.Ranking.RankingData;

namespace Recsys.Grains.Tests.Ranking;

/// <summary>The post's facts the ranking reads, kept beside its info: each test fails if a copy goes stale.</summary>
[Trait("Category", "BVT")]
[Trait("Area", "Ranking")]
public sealed class PostFactsTests
{
    [Fact]
    public void TheKeptFactsAreThoseOfTheInfoAndFollowANewOne()
    {
        var facts = new PostFacts(Post(1, 40, labels: [PostLabel.Nsfw, PostLabel.Misinformation], createdAt: Now.AddHours(-2)), EngagementCounts.Zero, SparseVector.Empty);
        Assert.Equal((40L, Now.AddHours(-2), false, (long?)null), (facts.AuthorId, facts.CreatedAt, facts.IsReply, facts.ReplyToId));
        Assert.Equal([true, false, true], Labels(facts));

        var replaced = facts with { Info = Post(1, 41, labels: [PostLabel.Toxicity], replyTo: 9, createdAt: Now.AddHours(-1)) };

        Assert.Equal((41L, Now.AddHours(-1), true, (long?)9), (replaced.AuthorId, replaced.CreatedAt, replaced.IsReply, replaced.ReplyToId));
        Assert.Equal([false, true, false], Labels(replaced));
        Assert.Equal(facts, replaced with { Info = facts.Info });
    }

    [Fact]
    public void ACandidateReadsItsPostsFactsOnceHydrated()
    {
        var seen = Candidate(1, authorId: 0, replyTo: 8, createdAt: Now.AddHours(-5));
        var hydrated = seen with { Post = new PostFacts(Post(1, 40, createdAt: Now.AddHours(-2)), EngagementCounts.Zero, SparseVector.Empty) };
        var reply = seen with { Post = new PostFacts(Post(1, 40, replyTo: 7), EngagementCounts.Zero, SparseVector.Empty) };

        Assert.Equal((true, 0L, Now.AddHours(-5), (long?)8), (seen.IsReply, seen.KnownAuthorId, seen.PostedAt, seen.ParentId));
        Assert.Equal((false, 40L, Now.AddHours(-2)), (hydrated.IsReply, hydrated.KnownAuthorId, hydrated.PostedAt));
        Assert.Equal((true, (long?)7), (reply.IsReply, reply.ParentId)); // the post as read wins over what the source saw
    }

    private static bool[] Labels(PostFacts facts) => [facts.HasLabel(PostLabel.Nsfw), facts.HasLabel(PostLabel.Toxicity), facts.HasLabel(PostLabel.Misinformation)];
}
