namespace Recsys.Grains.Interfaces.Users;

/// <summary>A user's public profile (GET /api/users/{id}): no blocks, mutes, muted words or contacts.</summary>
public sealed record UserView(
    long Id,
    string Handle,
    string Language,
    string? Country,
    DateTimeOffset SignupTime,
    bool Verified,
    bool Subscriber,
    bool Suspended,
    long FollowerCount,
    int FollowingCount,
    int PostCount,
    UserState State)
{
    /// <summary>Reputation 0..100 from the last tweepcred run (issue 7); null before the user's first.</summary>
    public int? Tweepcred { get; init; }
}
