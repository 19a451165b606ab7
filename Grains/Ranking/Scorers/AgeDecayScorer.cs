using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;
using Recsys.Grains.Ranking.Models;

namespace Recsys.Grains.Ranking.Scorers;

/// <summary>
/// Decays older posts with Earlybird's logistic age decay (algorithm.md 1.9; ours: half-life 360 min, slope 0.003,
/// floor 0.6, the search defaults), by the post's creation time.
/// </summary>
public sealed class AgeDecayScorer(double halfLifeMinutes, double slope, double floor) : IRescorer
{
    public ScorerId Id { get; } = new("AgeDecay");

    public void Factors(RankingQuery query, IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> modelScores, Span<double> factors)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            factors[i] = AgeDecay.Multiplier(query.Now - candidates[i].PostedAt, halfLifeMinutes, slope, floor);
        }
    }
}
