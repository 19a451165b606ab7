namespace Recsys.Grains.Reputation;

/// <summary>
/// The per-user prior that PageRank teleports to. Constants from twitter/the-algorithm,
/// src/scala/com/twitter/graph/batch/job/tweepcred/UserMass.scala (see ../shared/reference/algorithm.md 2.2).
/// </summary>
public static class UserMass
{
    /// <summary>Mass of a verified account, before the ratio penalty.</summary>
    public const double VerifiedMass = 100;

    /// <summary>deviceWeightAdditive: added to the score when the user has a messaging device.</summary>
    public const double DeviceWeight = 0.5;

    /// <summary>Every account starts from deviceWeightAdditive × 0.1.</summary>
    public const double BaseScore = DeviceWeight * 0.1;

    /// <summary>Accounts older than this many days get the full age factor.</summary>
    public const int MatureAccountDays = 30;

    /// <summary>The age factor is ln(1 + days / this) for younger accounts.</summary>
    public const double AgeScaleDays = 15.0;

    /// <summary>The score never drops below this before the restriction multiplier.</summary>
    public const double MinimumScore = 0.01;

    /// <summary>restrictedWeightMultiplicative.</summary>
    public const double RestrictedMultiplier = 0.1;

    /// <summary>threshAbsNumFriendsUMass: the ratio penalty applies only above this many followings.</summary>
    public const long RatioPenaltyFollowings = 500;

    /// <summary>threshFriendsToFollowersRatioUMass.</summary>
    public const double RatioPenaltyThreshold = 0.6;

    /// <summary>constantDivisionFactorGt_threshFriendsToFollowersRatioUMass.</summary>
    public const double RatioPenaltySteepness = 5.0;

    /// <summary>The unnormalised prior mass of one user, 0..100.</summary>
    public static double Of(UserFacts user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var mass = user.IsSuspended ? 0.0 : user.IsVerified ? VerifiedMass : ScoreOf(user) * 100;

        // Following far more accounts than follow you back is the follow-spam shape; the penalty applies to everyone.
        var ratio = (1.0 + user.Followings) / (1.0 + user.Followers);
        return user.Followings > RatioPenaltyFollowings && ratio > RatioPenaltyThreshold
            ? mass / Math.Exp(RatioPenaltySteepness * (ratio - RatioPenaltyThreshold))
            : mass;
    }

    /// <summary>The priors of all users, normalised to sum to 1, in the order given.</summary>
    public static double[] Prior(IReadOnlyList<UserFacts> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        var mass = new double[users.Count];
        for (var i = 0; i < mass.Length; i++)
        {
            mass[i] = Of(users[i]);
        }

        return Distribution.Normalise(mass);
    }

    private static double ScoreOf(UserFacts user)
    {
        var score = BaseScore + (user.HasDevice ? DeviceWeight : 0);

        // A negative age (clock skew) counts as a new account; the source would take the log of a negative number.
        var days = Math.Max(0, user.AccountAgeDays);
        var ageFactor = days > MatureAccountDays ? 1.0 : Math.Min(1.0, Math.Log(1.0 + days / AgeScaleDays));
        score = Math.Max(score * ageFactor, MinimumScore);
        if (user.IsRestricted)
        {
            score *= RestrictedMultiplier;
        }

        return Math.Clamp(score, 0, 1);
    }
}
