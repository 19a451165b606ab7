using Recsys.Grains.Ranking.Candidates;

namespace Recsys.Grains.Ranking.Scorers;

/// <summary>
/// The heuristic step as the pipeline runs it after the heavy ranker: rescores candidates whose model scores come
/// beside them (fresh from <see cref="IModelScorer.Scores"/>, or the cached ones). The scores and factors stay beside
/// the candidates (<see cref="ScoredCandidates"/>): the stages after it copy only the candidates they keep.
/// </summary>
public interface IModelScoreRescorer : IScorer
{
    ScoredCandidates Rescore(RankingQuery query, IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> modelScores);
}
