using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Timeline;
using FollowEdge = Recsys.Grains.Interfaces.Users.FollowEdge;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.SimClusters;
using Recsys.Grains.Timeline;
using Recsys.Grains.Timeline.Hydrators;
using static Recsys.Grains.Tests.Ranking.RankingData;

namespace Recsys.Grains.Tests.Timeline;

/// <summary>The hydrators' pure attach steps on one draft: each sees what the earlier added, and each candidate is copied once.</summary>
[Trait("Category", "BVT")]
[Trait("Area", "Timeline")]
public sealed class HydrationDraftTests
{
    [Fact]
    public void PostAuthorAndProofLandOnOneCopyAndAnUntouchedCandidateIsReturnedAsItCame()
    {
        var repost = Candidate(1, authorId: 0, inNetwork: false, reposter: 7);
        var untouched = Candidate(2, authorId: 0, inNetwork: false);
        var post = new PostFacts(Post(1, 40, replyTo: 9), EngagementCounts.Zero, SparseVector.Empty);
        var author = new AuthorFacts(40, true, true, false, false, 70, 0, false, false);
        var engaged = new EngagedPost(1, 40);
        engaged.Add(8, 1.5, 0.5, EngagementAction.Like, Now);
        var draft = new HydrationDraft([repost, untouched]);

        PostHydrator.Attach(Viewer(follows: [7]), draft, 0, post);
        PostHydrator.Attach(Viewer(follows: [7]), draft, 1, null);
        AuthorHydrator.Attach(draft, new Dictionary<long, AuthorFacts> { [40] = author });
        SocialProofHydrator.Attach(draft, new FolloweeEngagements(new Dictionary<long, EngagedPost> { [1] = engaged }));
        var built = draft.Build();

        Assert.Same(untouched, built[1]);
        var c = built[0];
        Assert.Equal((40L, true, 9L, (long?)7, (PostFacts?)post, (AuthorFacts?)author), (c.AuthorId, c.InNetwork, c.ReplyToId!.Value, c.ReposterId, c.Post, c.Author));
        Assert.Equal([7L, 8L], c.SocialProof);
        Assert.Equal(repost with { AuthorId = 40, InNetwork = true, ReplyToId = 9, Post = post, Author = author, SocialProof = c.SocialProof }, c);
    }

    [Fact]
    public void LightScoresGivenBesideTheCandidatesLandInTheSameCopy()
    {
        var candidates = new[] { Candidate(1), Candidate(2) };
        var draft = new HydrationDraft(candidates, [0.25, 0.75]);
        draft.SetAuthor(0, new AuthorFacts(100, true, false, false, false, null, 0, false, false));

        var built = draft.Build();

        Assert.Equal([0.25, 0.75], built.Select(c => c.LightScore));
        Assert.Equal(candidates[1] with { LightScore = 0.75 }, built[1]);
        Assert.Throws<ArgumentException>(() => new HydrationDraft(candidates, [0.5]));
    }

    [Fact]
    public void TheAuthorsToReadAreTheKnownOnesOnceInOrderOfFirstAppearance()
    {
        var draft = new HydrationDraft([Candidate(1, authorId: 5), Candidate(2, authorId: 0), Candidate(3, authorId: 6), Candidate(4, authorId: 5)]);
        draft.SetPost(1, new PostFacts(Post(2, 9), EngagementCounts.Zero, SparseVector.Empty), inNetwork: true);

        Assert.Equal([5L, 9, 6], AuthorHydrator.DistinctAuthors(draft));
    }

    [Fact]
    public void TheStrongestFolloweesAreTheSeedsHighestWeightFirstTiesByLowerId()
    {
        FollowEdge[] follows = [new(5, Now, 0.2f), new(3, Now, 0.9f), new(9, Now, 0.2f), new(1, Now, 0.2f), new(4, Now, 0.5f)];

        var seeds = FolloweeEngagementsHydrator.Strongest(follows, 4);

        Assert.Equal(follows.OrderByDescending(f => f.Weight).ThenBy(f => f.UserId).Take(4), seeds);
        Assert.Equal([3L, 4, 1, 5], seeds.Select(s => s.UserId));
        Assert.Equal(5, FolloweeEngagementsHydrator.Strongest(follows, 10).Length);
        Assert.Empty(FolloweeEngagementsHydrator.Strongest(follows, 0));
    }

    [Fact]
    public void AnEngagedPostCountsEachActionAndEachSeedOnceUpToTenProofUsers()
    {
        var post = new EngagedPost(1, 40);
        var first = post.Proof;
        for (var seed = 1L; seed <= 12; seed++)
        {
            post.Add(seed, 1.5, seed / 100.0, EngagementAction.Like, Now.AddMinutes(seed));
        }

        post.Add(3, 1.5, 0.9, EngagementAction.Reply, Now);
        post.Add(3, 1.5, 0.9, EngagementAction.Click, Now);

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), post.Proof);
        Assert.Empty(first);
        Assert.Equal(EngagementCounts.Zero with { Likes = 12, Replies = 1, Clicks = 1 }, post.Counts);
        Assert.Equal((18.0, 0.12, Now.AddMinutes(12)), (post.Weight, post.BestRealGraph, post.LatestAt));
    }

    [Theory]
    [InlineData(new long[] { 1, 2 }, new long[] { 2, 1 }, null)]
    [InlineData(new long[] { 1 }, new long[] { 3, 1, 4 }, new long[] { 1, 3, 4 })]
    [InlineData(new long[] { }, new long[] { 5, 5, 6 }, new long[] { 5, 6 })]
    [InlineData(new long[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, new long[] { 10, 11, 12 }, new long[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 })]
    public void ProofIsTheCandidatesThenThePostsEachUserOnceUpToTen(long[] current, long[] added, long[]? expected)
    {
        var merged = SocialProofHydrator.Merged(current, added);

        Assert.Equal(expected, merged);
        if (expected is not null)
        {
            Assert.Equal(current.Concat(added).Distinct().Take(FolloweeEngagements.MaxProofUsers), merged!);
        }
    }
}
