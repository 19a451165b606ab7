using System.Text.Json;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Sample;

namespace Recsys.Grains.Tests.Sample;

[Trait("Category", "BVT")]
[Trait("Area", "Sample")]
public sealed class SampleGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly SampleDataSet Data = SampleGenerator.Generate(new SampleOptions { Users = 1_000 }, Now);

    [Fact]
    public void The_same_seed_and_now_give_the_same_data_and_another_seed_does_not()
    {
        var again = SampleGenerator.Generate(new SampleOptions { Users = 1_000 }, Now);
        var other = SampleGenerator.Generate(new SampleOptions { Users = 1_000, Seed = 7 }, Now);

        Assert.Equal(JsonSerializer.Serialize(Data), JsonSerializer.Serialize(again));
        Assert.NotEqual(JsonSerializer.Serialize(Data.Follows), JsonSerializer.Serialize(other.Follows));
    }

    [Fact]
    public void Follower_counts_have_a_heavy_tail()
    {
        var inDegrees = Data.Follows.GroupBy(f => f.FolloweeId).Select(g => g.Count()).OrderDescending().ToArray();
        var median = inDegrees[inDegrees.Length / 2];

        Assert.True(inDegrees[0] >= 10 * median, $"max {inDegrees[0]}, median {median}");
        Assert.True(inDegrees.Take(inDegrees.Length / 10).Sum() >= Data.Follows.Count / 3, "the top tenth gathers at least a third of all follows");
    }

    [Fact]
    public void Most_follows_stay_inside_the_planted_communities()
    {
        var community = Data.Users.ToDictionary(u => u.Profile.Id, u => u.Community);
        var inside = Data.Follows.Count(f => community[f.FollowerId] == community[f.FolloweeId]);

        Assert.InRange(inside / (double)Data.Follows.Count, 0.7, 1.0);
        Assert.All(Data.Users, u => Assert.Equal(1f, u.Interests.Sum(), 3));
        Assert.All(Data.Users, u => Assert.Equal(u.Community, Array.IndexOf(u.Interests.ToArray(), u.Interests.Max())));
    }

    [Fact]
    public void Likes_follow_latent_interests()
    {
        var users = Data.Users.ToDictionary(u => u.Profile.Id);
        var topics = Data.Posts.ToDictionary(p => p.Post.Id, p => p.Topic);
        double Affinity(EngagementAction action) => Data.Engagements.Where(e => e.Action == action)
            .Average(e => users[e.UserId].Interests[topics[e.PostId!.Value]]);

        Assert.True(Affinity(EngagementAction.Like) > Affinity(EngagementAction.Impression));
        Assert.True(Affinity(EngagementAction.NotInterested) < Affinity(EngagementAction.Impression));
    }

    [Fact]
    public void Every_time_is_in_the_past_every_reference_exists_and_ids_are_unique()
    {
        var posts = Data.Posts.ToDictionary(p => p.Post.Id);
        var users = Data.Users.Select(u => u.Profile.Id).ToHashSet();

        Assert.All(Data.Engagements, e => Assert.True(e.Time <= Now && users.Contains(e.UserId) && (e.PostId is null || posts.ContainsKey(e.PostId.Value))));
        Assert.All(Data.Posts, p => Assert.True(p.Post.CreatedAt <= Now && (p.Post.ReplyToId is not { } parent || posts[parent].Post.CreatedAt <= p.Post.CreatedAt)));
        Assert.Equal(Data.Engagements.Count, Data.Engagements.Select(e => e.Id).Distinct().Count());
        Assert.All(Data.Users, u => Assert.InRange(u.Profile.Handle.Length, 1, 15));
    }
}
