using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Scorers;

/// <summary>
/// A scorer: returns the candidates, same order, with scores set (model scorers) or multiplied by a factor that is
/// recorded on each candidate under the scorer's name (heuristic re-scorers). It never drops a candidate.
/// </summary>
public interface IScorer
{
    ScorerId Id { get; }

    IReadOnlyList<Candidate> Score(RankingQuery query, IReadOnlyList<Candidate> candidates);
}
