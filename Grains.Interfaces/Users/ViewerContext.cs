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
    IReadOnlyList<FatigueEntry> Fatigue)
{
    /// <summary>
    /// The viewer's top RealGraph edges (home-mixer reads the top 1,000), followed or not, highest score first: the
    /// in-network author weights and the seeds of out-of-network sources. Empty when not computed.
    /// </summary>
    public IReadOnlyList<RealGraphEdgeScore> RealGraph { get; init; } = [];

    /// <summary>The RealGraph model version that scored <see cref="RealGraph"/> and the follow weights, e.g. "realgraph/default-v0".</summary>
    public string? RealGraphModel { get; init; }

    /// <summary>The viewer's reputation 0..100 from the last tweepcred run (issue 7); null before the first.</summary>
    public int? Tweepcred { get; init; }
}

/// <summary>
/// A followee and the viewer's RealGraph score toward it, in [0, 1] (the probability of an explicit interaction; a
/// quiet follow scores low, near the model's intercept). <see cref="RealGraphEdgeScore.TimelineWeight"/> rescales it.
/// </summary>
public sealed record FollowEdge(long UserId, DateTimeOffset Since, float Weight);

/// <summary>A "see less often" feedback on an author, and when it was given.</summary>
public sealed record FatigueEntry(long AuthorId, DateTimeOffset At);
