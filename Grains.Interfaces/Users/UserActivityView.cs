using Recsys.Grains.Interfaces.Aggregates;

namespace Recsys.Grains.Interfaces.Users;

/// <summary>
/// A user's rolling aggregates (engagements sent as actor, received as author, and per author engaged with: the
/// top pairs, RealGraph's inputs), recent engagements and login history, read at <see cref="AsOf"/>.
/// </summary>
public sealed record UserActivityView(
    long UserId,
    DateTimeOffset AsOf,
    AggregateView AsActor,
    AggregateView AsAuthor,
    IReadOnlyList<PairAggregateView> Authors,
    IReadOnlyList<RecentEngagement> RecentEngagements,
    IReadOnlyList<DateTimeOffset> Logins,
    long AppliedThrough);
