namespace Recsys.Grains.Reputation;

/// <summary>What tweepcred needs to know about one user (deactivated users are left out by the caller).</summary>
/// <param name="UserId">The user.</param>
/// <param name="AccountAgeDays">Whole days since the account was created.</param>
/// <param name="IsVerified">Verified accounts get the full prior mass.</param>
/// <param name="HasDevice">Whether the user has a valid messaging device (a phone).</param>
/// <param name="IsSuspended">Suspended accounts get no prior mass.</param>
/// <param name="IsRestricted">Restricted accounts get a tenth of the prior mass.</param>
/// <param name="Followings">How many accounts the user follows.</param>
/// <param name="Followers">How many accounts follow the user.</param>
public sealed record UserFacts(
    long UserId,
    int AccountAgeDays,
    bool IsVerified,
    bool HasDevice,
    bool IsSuspended,
    bool IsRestricted,
    long Followings,
    long Followers);
