using Recsys.Grains.Aggregates;
using Recsys.Grains.Collections;
using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.Users;

/// <summary>What a user did and received: rolling aggregates (as actor, as author, per author engaged with),
/// recent engagements, impressions, fatigue, logins, activity calendar, and the user's own recent posts.</summary>
public sealed class UserActivity
{
    public RollingAggregate AsActor { get; set; } = new();

    public RollingAggregate AsAuthor { get; set; } = new();

    public PairAggregates Authors { get; set; } = new();

    /// <summary>Oldest first.</summary>
    public BoundedLog<RecentEngagement> RecentEngagements { get; set; } = new();

    public ImpressionLog Impressions { get; set; } = new();

    public FeedbackFatigue Fatigue { get; set; } = new();

    /// <summary>Login times, UTC ticks, oldest first.</summary>
    public BoundedLog<long> Logins { get; set; } = new();

    public ActivityCalendar Calendar { get; set; } = new();

    /// <summary>The user's own posts, oldest first.</summary>
    public List<InboxEntry> RecentPosts { get; set; } = [];

    public int PostCount { get; set; }
}
