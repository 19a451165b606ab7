using Recsys.Grains.Ranking.Candidates;

namespace Recsys.Grains.Ranking.Scorers;

/// <summary>
/// A model scorer (the light or the heavy ranker) that can also give its scores beside the candidates, one per
/// candidate in order, without copying them: the pipeline sets them in the copy a later stage makes anyway
/// (hydration for the light score, the heuristics for the model score).
/// </summary>
public interface IModelScorer : IScorer
{
    double[] Scores(RankingQuery query, IReadOnlyList<Candidate> candidates);
}
