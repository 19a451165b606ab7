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
    UserState State);
