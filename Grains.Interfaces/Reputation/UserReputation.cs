namespace Recsys.Grains.Interfaces.Reputation;

/// <summary>
/// What the tweepcred job last computed for one user (stored in the User grain): the 0..100 reputation and the
/// PageRank mass it came from. The next run starts from <see cref="PageRank"/> (yesterday's mass, algorithm.md 2.1).
/// </summary>
/// <param name="Tweepcred">The 0..100 reputation (65 is the anti-gaming threshold).</param>
/// <param name="PageRank">The PageRank mass before the post-adjustment (sums to 1 over all users).</param>
/// <param name="AdjustedRank">The mass after the post-adjustment and renormalisation, which the 0..100 scale maps.</param>
/// <param name="ComputedAt">When the run that computed it started (its as-of time).</param>
/// <param name="RunId">The run that computed it.</param>
public sealed record UserReputation(int Tweepcred, double PageRank, double AdjustedRank, DateTimeOffset ComputedAt, long RunId);
