using Recsys.Grains.Ranking.Candidates;

namespace Recsys.Grains.Ranking.Scorers;

/// <summary>
/// The heuristic step as the pipeline runs it after the heavy ranker: rescores candidates whose model scores come
/// beside them (fresh from <see cref="IModelScorer.Scores"/>, or the cached ones), setting model score, score and
/// factors in one copy per candidate.
/// </summary>
public interface IModelScoreRescorer : IScorer
{
    IReadOnlyList<Candidate> Score(RankingQuery query, IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> modelScores);
}
