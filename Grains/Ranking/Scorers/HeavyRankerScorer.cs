using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;
using Recsys.Grains.Ranking.Models;

namespace Recsys.Grains.Ranking.Scorers;

/// <summary>
/// The heavy ranker (NaviModelScorer, algorithm.md 1.5): each head's probability from the hydrated features, then
/// the published weighted sum with its normalisation as the model score, which the heuristics start from.
/// </summary>
public sealed class HeavyRankerScorer(HeavyRanker model, IReadOnlyList<double> headWeights) : IModelScorer
{
    private readonly double[] _weights = headWeights.ToArray();

    public ScorerId Id { get; } = new("HeavyRanker");

    public HeavyRanker Model => model;

    public IReadOnlyList<Candidate> Score(RankingQuery query, IReadOnlyList<Candidate> candidates)
    {
        var scores = Scores(query, candidates);
        var scored = new Candidate[candidates.Count];
        for (var i = 0; i < scored.Length; i++)
        {
            scored[i] = candidates[i] with { ModelScore = scores[i], Score = scores[i], Factors = [] };
        }

        return scored;
    }

    /// <summary>Each candidate's model score, in order, without copying the candidates (the heuristics set it on them).</summary>
    public double[] Scores(RankingQuery query, IReadOnlyList<Candidate> candidates)
    {
        Span<double> x = stackalloc double[HeavyRankerFeatures.Count];
        Span<double> heads = stackalloc double[RankingHeads.Count];
        var scores = new double[candidates.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            HeavyRankerFeatures.Extract(candidates[i], query.Viewer, query.Now, x);
            model.Predict(x, heads);
            scores[i] = WeightedScore.Compute(heads, _weights);
        }

        return scores;
    }

    /// <summary>The features and head probabilities a candidate was scored with, for its explanation (same query, same result).</summary>
    public static (double[] Features, double[] Heads) Explain(HeavyRanker model, RankingQuery query, Candidate candidate)
    {
        var x = new double[HeavyRankerFeatures.Count];
        var heads = new double[RankingHeads.Count];
        HeavyRankerFeatures.Extract(candidate, query.Viewer, query.Now, x);
        model.Predict(x, heads);
        return (x, heads);
    }
}
