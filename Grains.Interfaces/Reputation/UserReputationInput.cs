namespace Recsys.Grains.Interfaces.Reputation;

/// <summary>
/// What the tweepcred job reads from one User grain: the profile facts of the user-mass prior, yesterday's
/// PageRank, and whom the user follows (with a weight per follow when the job runs weighted).
/// </summary>
/// <param name="UserId">The user.</param>
/// <param name="SignupTime">Account creation, for the account-age factor.</param>
/// <param name="Verified">Verified accounts get the full prior mass.</param>
/// <param name="HasDevice">Whether the user has a messaging device.</param>
/// <param name="Suspended">Suspended accounts get no prior mass.</param>
/// <param name="Restricted">Restricted accounts get a tenth of it.</param>
/// <param name="PreviousPageRank">The last run's PageRank mass, or null before the first run.</param>
/// <param name="Follows">Followed user ids, distinct.</param>
/// <param name="FollowWeights">One weight per follow (the engagement affinity) when asked for, else null.</param>
public sealed record UserReputationInput(
    long UserId,
    DateTimeOffset SignupTime,
    bool Verified,
    bool HasDevice,
    bool Suspended,
    bool Restricted,
    double? PreviousPageRank,
    IReadOnlyList<long> Follows,
    IReadOnlyList<float>? FollowWeights);
