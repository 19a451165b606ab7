using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Grains.Interfaces.Users;
using Recsys.Runtime;
using Recsys.Runtime.Concurrency;

namespace Recsys.Grains.Interfaces.Timeline;

/// <summary>
/// The User grain's read-only face towards ranking (served by the same activation as
/// <see cref="IUserGrain"/>, key: user id): the viewer context with the viewer's latest negative feedback, the
/// facts the timeline hydrates an author with, and the recent engagements the social-graph source walks.
/// </summary>
public interface IUserRankingGrain : IGrainWithIntegerKey
{
    /// <summary>The viewer context plus reports and disliked posts; throws UnknownEntityException for an unknown user.</summary>
    [ReadOnly]
    Task<RankingViewer> GetRankingViewer();

    /// <summary>
    /// This user as the author of a candidate shown to <paramref name="viewerId"/> (0: to nobody in particular, so
    /// the relation flags are false and the answer may be cached for every viewer); Exists is false for an unknown user.
    /// </summary>
    [ReadOnly]
    Task<AuthorFacts> GetAuthorFacts(long viewerId);

    /// <summary>This user's positive engagements on posts since <paramref name="since"/>, newest first, at most <paramref name="max"/>.</summary>
    [ReadOnly]
    Task<IReadOnlyList<RecentEngagement>> GetRecentPostEngagements(DateTimeOffset since, int max);
}

/// <summary>
/// The viewer as the timeline reads it in one call: the <see cref="ViewerContext"/>, the users the viewer reported,
/// the posts the viewer marked "not interested" or reported (negative feedback changes the next page at once), and
/// the viewer's SimClusters InterestedIn vector (empty before the first SimClusters run).
/// </summary>
public sealed record RankingViewer(
    ViewerContext Context,
    IReadOnlyList<long> ReportedUsers,
    IReadOnlyList<long> DislikedPosts,
    IReadOnlyList<CommunityScore> InterestedIn);

/// <summary>
/// An author as ranking sees it: verification, subscription, suspension, reputation (tweepcred 0-100; null until
/// the tweepcred job has scored the user), engagements received recently, and whether the author blocks or mutes
/// the viewer asking.
/// </summary>
public sealed record AuthorFacts(
    long UserId,
    bool Exists,
    bool Verified,
    bool Subscriber,
    bool Suspended,
    int? Tweepcred,
    float EngagementsReceived,
    bool BlocksViewer,
    bool MutesViewer)
{
    /// <summary>The facts of a user that does not exist (a deleted or never-created author).</summary>
    public static AuthorFacts Missing(long userId) => new(userId, false, false, false, false, null, 0, false, false);
}
