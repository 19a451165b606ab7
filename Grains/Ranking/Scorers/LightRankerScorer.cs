using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;
using Recsys.Grains.Ranking.Models;

namespace Recsys.Grains.Ranking.Scorers;

/// <summary>
/// The light ranker (Earlybird's logistic model, algorithm.md 1.9): scores each candidate from the signals its
/// source measured, before any hydration, so each source can be cut to its best candidates cheaply.
/// </summary>
public sealed class LightRankerScorer(LightRanker model) : IModelScorer
{
    public ScorerId Id { get; } = new("LightRanker");

    public IReadOnlyList<Candidate> Score(RankingQuery query, IReadOnlyList<Candidate> candidates)
    {
        var scores = Scores(query, candidates);
        var scored = new Candidate[candidates.Count];
        for (var i = 0; i < scored.Length; i++)
        {
            scored[i] = candidates[i] with { LightScore = scores[i] };
        }

        return scored;
    }

    /// <summary>Each candidate's light score, in order, without copying the candidates (hydration sets them, in its one copy).</summary>
    public double[] Scores(RankingQuery query, IReadOnlyList<Candidate> candidates)
    {
        Span<double> x = stackalloc double[LightRankerFeatures.Count];
        var scores = new double[candidates.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            LightRankerFeatures.Extract(candidates[i], query.Now, x);
            scores[i] = model.Predict(x);
        }

        return scores;
    }
}
