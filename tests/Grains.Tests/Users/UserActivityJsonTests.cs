using System.Text.Json;
using Recsys.Grains.Aggregates;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Tests.Support;
using Recsys.Grains.Users;

namespace Recsys.Grains.Tests.Users;

/// <summary>
/// The stored form of a user's activity did not change when its counters and recent engagements became values
/// (issue 6): state written before reads back and writes the same JSON.
/// </summary>
[Trait("Category", "BVT")]
[Trait("Area", "Users")]
public sealed class UserActivityJsonTests
{
    // Written by 9ce17ff (counters and recent engagements as objects): one author with a like and a reply, one recent engagement.
    private const string Stored =
        """{"asActor":{"actions":[]},"asAuthor":{"actions":[]},"authors":{"authors":{"9":{"actions":[{"action":"like","total":1,"decayedAt":639080496000000000,"decayed":[1,1],"head":17752236,"recent":[1]},{"action":"reply","total":1,"decayedAt":639080568000000000,"decayed":[1,1],"head":17752238,"recent":[1]}]}}},"recentEngagements":[{"action":"like","postId":5,"subjectId":9,"time":"2026-03-02T12:00:00+00:00"}],"impressions":{"postIds":[],"times":[]},"fatigue":{"authors":{}},"logins":[],"calendar":{"day":0,"active":0,"posted":0},"recentPosts":[],"postCount":0}""";

    private static readonly JsonSerializerOptions Json = StoredJson.Options;
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly AggregateSpec Spec = new(AggregateGroupOptions.Of(
        [TimeSpan.FromMinutes(30), TimeSpan.FromDays(1)], [TimeSpan.FromHours(1), TimeSpan.FromHours(24)], TimeSpan.FromHours(1)));

    [Fact]
    public void TheSameActivityWritesTheJsonStoredBefore()
    {
        var activity = new UserActivity();
        activity.Authors.Add(Spec, 9, EngagementAction.Like, T0, 10);
        activity.Authors.Add(Spec, 9, EngagementAction.Reply, T0.AddHours(2), 10);
        activity.RecentEngagements.Add(new RecentEngagement(EngagementAction.Like, 5, 9, T0));

        Assert.Equal(Stored, JsonSerializer.Serialize(activity, Json));
    }

    [Fact]
    public void StoredActivityReadsBackAndKeepsCounting()
    {
        var activity = JsonSerializer.Deserialize<UserActivity>(Stored, Json)!;
        activity.Authors.Add(Spec, 9, EngagementAction.Like, T0.AddHours(2), 10);

        var pair = activity.Authors.Get(9)!;
        Assert.Equal(2f, pair.Total(EngagementAction.Like));
        Assert.Equal(2f, pair.WindowCount(Spec, EngagementAction.Like, 1, T0.AddHours(2))); // both likes within 24 h
        Assert.Equal(new RecentEngagement(EngagementAction.Like, 5, 9, T0), Assert.Single(activity.RecentEngagements));
    }
}
