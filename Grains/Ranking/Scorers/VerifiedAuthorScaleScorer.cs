using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Scorers;

/// <summary>
/// Boosts original posts (not replies, not reposts) of verified or subscribed authors (RescoreBlueVerified,
/// algorithm.md 1.6: 4 in-network, 2 out-of-network).
/// </summary>
public sealed class VerifiedAuthorScaleScorer(double inNetworkFactor, double outOfNetworkFactor) : IRescorer
{
    public ScorerId Id { get; } = new("VerifiedAuthorScale");

    public void Factors(RankingQuery query, IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> modelScores, Span<double> factors)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            factors[i] = c.Author is { Verified: true } or { Subscriber: true } && !c.IsReply && !c.IsRepost
                ? c.InNetwork ? inNetworkFactor : outOfNetworkFactor
                : 1.0;
        }
    }
}
