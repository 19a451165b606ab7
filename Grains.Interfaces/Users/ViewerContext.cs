namespace Recsys.Grains.Interfaces.Users;

/// <summary>
/// Everything the timeline needs to know about its viewer, read in one call: the follow graph with interaction
/// weights, what the viewer blocked or muted, muted words, recent impressions (post ids, about 5,000 over 2 days,
/// algorithm.md section 1.3), "see less often" feedback (kept 90 days, section 7.5; home uses 14 days, section 1.4),
/// user state and languages.
/// </summary>
public sealed record ViewerContext(
    long UserId,
    DateTimeOffset AsOf,
    UserState State,
    IReadOnlyList<string> Languages,
    string? Country,
    SensitiveMediaSetting SensitiveMediaSetting,
    IReadOnlyList<FollowEdge> Follows,
    IReadOnlyList<long> Blocks,
    IReadOnlyList<long> Mutes,
    IReadOnlyList<string> MutedWords,
    IReadOnlyList<string> FollowedTopics,
    IReadOnlyList<long> Impressions,
    IReadOnlyList<FatigueEntry> Fatigue);

/// <summary>
/// A followee with the viewer's engagement with it: a decayed count over the viewer's engagements with the author
/// (the RealGraph-like weight until RealGraph proper exists; 0 when the viewer never engaged).
/// </summary>
public sealed record FollowEdge(long UserId, DateTimeOffset Since, float Weight);

/// <summary>A "see less often" feedback on an author, and when it was given.</summary>
public sealed record FatigueEntry(long AuthorId, DateTimeOffset At);
