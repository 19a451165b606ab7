using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Scorers;

/// <summary>Scales out-of-network posts that are not reposts (OONTweetScalingScorer, algorithm.md 1.6: 0.75).</summary>
public sealed class OutOfNetworkScaleScorer(double factor) : IRescorer
{
    public ScorerId Id { get; } = new("OutOfNetworkScale");

    public void Factors(RankingQuery query, IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> modelScores, Span<double> factors)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            factors[i] = !candidates[i].InNetwork && !candidates[i].IsRepost ? factor : 1.0;
        }
    }
}
