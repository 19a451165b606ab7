using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Scorers;

/// <summary>
/// One heuristic of the <see cref="HeuristicScorer"/> (a rescoring factor provider in home-mixer's HeuristicScorer,
/// algorithm.md 1.6): fills one multiplicative factor per candidate, 1 where it does not apply. It reads the
/// candidates and their model scores (given beside them, so scoring can copy each candidate once) and changes nothing.
/// </summary>
public interface IRescorer
{
    ScorerId Id { get; }

    void Factors(RankingQuery query, IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> modelScores, Span<double> factors);
}
