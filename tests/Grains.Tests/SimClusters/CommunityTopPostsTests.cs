using Recsys.Grains.SimClusters;

namespace Recsys.Grains.Tests.SimClusters;

[Trait("Category", "BVT")]
[Trait("Area", "SimClusters")]
public sealed class CommunityTopPostsTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan HalfLife = TimeSpan.FromHours(8);

    [Fact]
    public void OrderIsByDecayedScoreSoAFresherPostCanBeatAnOlderHigherScore()
    {
        var top = new CommunityTopPosts(capacity: 10, HalfLife, minScore: 0.001);
        top.Update(postId: 1, score: 4, T0);
        top.Update(postId: 2, score: 3, T0.AddHours(8)); // post 1 is worth 2 by then

        var ranked = top.Top(10, T0.AddHours(8));

        Assert.Equal([2L, 1L], ranked.Select(p => p.PostId));
        Assert.Equal(3.0, ranked[0].Score, 9);
        Assert.Equal(2.0, ranked[1].Score, 9);
        Assert.Equal(1.0, top.Top(10, T0.AddHours(16))[1].Score, 9);
    }

    [Fact]
    public void TheSetIsBoundedAndTurnsAwayPostsWeakerThanAllKept()
    {
        var top = new CommunityTopPosts(capacity: 3, HalfLife, minScore: 0.001);
        for (var post = 1; post <= 5; post++)
        {
            top.Update(post, score: post, T0);
        }

        Assert.Equal(3, top.Count);
        Assert.Equal([5L, 4L, 3L], top.Top(10, T0).Select(p => p.PostId));
        Assert.False(top.Update(postId: 9, score: 2, T0));
        Assert.True(top.Update(postId: 9, score: 4.5, T0));
        Assert.Equal([5L, 9L, 4L], top.Top(10, T0).Select(p => p.PostId));
    }

    [Fact]
    public void AnUpdateReplacesThePostsScore()
    {
        var top = new CommunityTopPosts(capacity: 3, HalfLife, minScore: 0.001);
        top.Update(1, 1, T0);
        top.Update(2, 2, T0);

        top.Update(1, 5, T0.AddHours(1));

        Assert.Equal(2, top.Count);
        Assert.Equal([1L, 2L], top.Top(2, T0.AddHours(1)).Select(p => p.PostId));
        Assert.True(top.Remove(1));
        Assert.False(top.Remove(1));
    }

    [Fact]
    public void PostsThatDecayBelowTheMinimumDropOut()
    {
        var top = new CommunityTopPosts(capacity: 10, HalfLife, minScore: 0.25);
        top.Update(1, 1, T0);
        Assert.False(top.Update(2, 0.1, T0));

        Assert.Single(top.Top(10, T0.AddHours(16)));   // 1 → 0.25
        Assert.Empty(top.Top(10, T0.AddHours(17)));

        top.Prune(T0.AddHours(17));
        Assert.Equal(0, top.Count);
    }

    [Fact]
    public void ASnapshotRebuildsTheSameRanking()
    {
        var options = new SimClustersOptions { TopPostsPerCommunity = 5 };
        var top = CommunityTopPosts.Create(options);
        for (var post = 1; post <= 8; post++)
        {
            top.Update(post, score: post * 0.1, T0.AddMinutes(post * 30));
        }

        var now = T0.AddHours(6);
        var rebuilt = CommunityTopPosts.Create(options, top.Snapshot(now));

        Assert.Equal(5, top.Count);
        Assert.Equal(top.Top(5, now).Select(p => p.PostId), rebuilt.Top(5, now).Select(p => p.PostId));
        Assert.Equal(1600, CommunityTopPosts.Create(new SimClustersOptions()).Capacity);
    }
}
