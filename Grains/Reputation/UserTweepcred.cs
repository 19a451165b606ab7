namespace Recsys.Grains.Reputation;

/// <summary>One user's reputation.</summary>
/// <param name="UserId">The user.</param>
/// <param name="PageRank">The PageRank mass (the job's output_pagerank).</param>
/// <param name="AdjustedRank">The mass after the post-adjustment and renormalisation (equal to PageRank when it is off).</param>
/// <param name="Tweepcred">The 0..100 reputation.</param>
public sealed record UserTweepcred(long UserId, double PageRank, double AdjustedRank, byte Tweepcred);
