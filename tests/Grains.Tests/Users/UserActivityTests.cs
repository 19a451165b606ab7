using Recsys.Grains.Fanout;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Users;

namespace Recsys.Grains.Tests.Users;

/// <summary>Everything a user keeps is bounded: impressions, fatigue, relations' memory, the inbox.</summary>
[Trait("Category", "BVT")]
[Trait("Area", "Users")]
public sealed class UserActivityTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Impressions_keep_the_newest_ids_within_capacity_and_retention()
    {
        var log = new ImpressionLog();
        for (var i = 1; i <= 10; i++)
        {
            log.Add(i, Now.AddHours(-i), capacity: 5, TimeSpan.FromDays(2));
        }

        log.Add(100, Now.AddDays(-3), capacity: 5, TimeSpan.FromDays(2));
        log.Add(3, Now, capacity: 5, TimeSpan.FromDays(2));

        Assert.Equal([3L, 1, 2, 4, 5], log.Recent(Now, TimeSpan.FromDays(2)));
        Assert.Equal([3L], log.Recent(Now.AddDays(2).AddHours(-0.5), TimeSpan.FromDays(2)));
    }

    [Fact]
    public void Fatigue_keeps_the_latest_feedback_per_author_for_the_retention()
    {
        var fatigue = new FeedbackFatigue();
        fatigue.Add(7, Now.AddDays(-100), 10, TimeSpan.FromDays(90));
        fatigue.Add(8, Now.AddDays(-1), 10, TimeSpan.FromDays(90));
        fatigue.Add(8, Now.AddDays(-5), 10, TimeSpan.FromDays(90));

        var entry = Assert.Single(fatigue.Entries(Now, TimeSpan.FromDays(90)));
        Assert.Equal(new FatigueEntry(8, Now.AddDays(-1)), entry);
    }

    [Fact]
    public void A_late_older_change_to_a_relation_never_undoes_a_newer_one()
    {
        var follows = new RelationSet();
        Assert.True(follows.Remove(5, Now.Ticks, maxRemembered: 10) is false);
        Assert.False(follows.Add(5, Now.AddMinutes(-1).Ticks)); // an older follow arriving after the newer unfollow
        Assert.True(follows.Add(5, Now.AddMinutes(1).Ticks));
        Assert.False(follows.Remove(5, Now.Ticks, maxRemembered: 10)); // an older unfollow arriving after the newer follow
        Assert.True(follows.Contains(5));
    }

    [Fact]
    public void The_inbox_keeps_the_newest_entries_once_each()
    {
        var inbox = new Inbox(capacity: 3);
        for (var i = 1; i <= 5; i++)
        {
            inbox.Add(new InboxEntry(i, 9, Now.AddMinutes(i), false, null, null, false));
        }

        inbox.Add(new InboxEntry(5, 9, Now.AddMinutes(5), false, null, null, false));

        Assert.Equal([5L, 4, 3], inbox.Since(DateTimeOffset.MinValue).Select(e => e.PostId));
        Assert.Equal([5L, 4], inbox.Since(Now.AddMinutes(4)).Select(e => e.PostId));
    }
}
