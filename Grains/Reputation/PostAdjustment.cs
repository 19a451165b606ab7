namespace Recsys.Grains.Reputation;

/// <summary>
/// Divides down the rank of accounts that follow many more accounts than follow them back, after PageRank
/// (twitter/the-algorithm, tweepcred/Reputation.scala, adjustReputationsPostCalculation; run by ExtractTweepcred.scala).
/// </summary>
public static class PostAdjustment
{
    /// <summary>threshAbsNumFriendsReps: only accounts following more than this many are adjusted.</summary>
    public const long FollowingsThreshold = 2500;

    /// <summary>constantDivisionFactorGt_threshFriendsToFollowersRatioReps.</summary>
    public const double Steepness = 3.0;

    /// <summary>
    /// The ratio above which the divisor exceeds 1. Reputation.scala uses its own constant, 1.0 (named
    /// threshFriendsToFollowersRatioUMass but not UserMass's 0.6); algorithm.md 2.4 writes 0.6, which the source contradicts.
    /// </summary>
    public const double RatioThreshold = 1.0;

    /// <summary>maxDivFactorReps: the largest divisor.</summary>
    public const double MaxDivisor = 50;

    /// <summary>The divisor applied to one account's rank, 1..50 (1 when not adjusted).</summary>
    public static double Divisor(long followings, long followers)
    {
        if (followings <= FollowingsThreshold)
        {
            return 1.0;
        }

        var ratio = (1.0 + followings) / (1.0 + followers);
        var divisor = Math.Exp(Steepness * (ratio - RatioThreshold) * Math.Log(Math.Log(followings)));
        return Math.Max(Math.Min(divisor, MaxDivisor), 1.0);
    }

    /// <summary>The adjusted ranks, renormalised to sum to 1; <paramref name="users"/>[i] describes node i.</summary>
    public static double[] Apply(ReadOnlySpan<double> ranks, IReadOnlyList<UserFacts> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        if (users.Count != ranks.Length)
        {
            throw new ArgumentException($"need one user per rank ({ranks.Length}), got {users.Count}.");
        }

        var adjusted = new double[ranks.Length];
        for (var i = 0; i < adjusted.Length; i++)
        {
            adjusted[i] = ranks[i] / Divisor(users[i].Followings, users[i].Followers);
        }

        return Distribution.Normalise(adjusted);
    }
}
