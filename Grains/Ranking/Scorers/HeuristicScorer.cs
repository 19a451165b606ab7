using System.Buffers;
using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Scorers;

/// <summary>
/// The heuristic re-scoring step (HeuristicScorer, algorithm.md 1.6): final = model score x the product of every
/// rescorer's factor, each factor other than 1 recorded on the candidate under its rescorer's name. All rescorers
/// read the model scores, so their order does not change the result.
/// </summary>
public sealed class HeuristicScorer(IReadOnlyList<IRescorer> rescorers) : IModelScoreRescorer
{
    private readonly string[] _names = rescorers.Select(r => r.Id.Name).ToArray();

    public ScorerId Id { get; } = new("Heuristic");

    public IReadOnlyList<IRescorer> Rescorers => rescorers;

    public IReadOnlyList<Candidate> Score(RankingQuery query, IReadOnlyList<Candidate> candidates)
    {
        var modelScores = new double[candidates.Count];
        for (var i = 0; i < modelScores.Length; i++)
        {
            modelScores[i] = candidates[i].ModelScore;
        }

        return Score(query, candidates, modelScores);
    }

    /// <summary>
    /// Sets each candidate's model score to <paramref name="modelScores"/>[i] and its score to that times every
    /// factor, in one copy per candidate (the heavy ranker's scores need not be copied onto the candidates first).
    /// </summary>
    public IReadOnlyList<Candidate> Score(RankingQuery query, IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> modelScores) =>
        Rescore(query, candidates, modelScores).Materialize();

    /// <summary>
    /// Every factor and each candidate's final score (its model score, <paramref name="modelScores"/>[i], times every
    /// factor), kept beside the candidates: nothing is copied until a later stage keeps a candidate.
    /// </summary>
    public ScoredCandidates Rescore(RankingQuery query, IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> modelScores)
    {
        if (modelScores.Length != candidates.Count)
        {
            throw new ArgumentException($"expected {candidates.Count} model scores, got {modelScores.Length}", nameof(modelScores));
        }

        var n = candidates.Count;
        var factors = ArrayPool<double>.Shared.Rent(rescorers.Count * n); // until the later stages copied what they keep
        for (var r = 0; r < rescorers.Count; r++)
        {
            var span = factors.AsSpan(r * n, n);
            span.Fill(1.0);
            rescorers[r].Factors(query, candidates, modelScores, span);
        }

        var scores = modelScores.ToArray();
        for (var r = 0; r < rescorers.Count; r++)
        {
            var column = factors.AsSpan(r * n, n);
            for (var i = 0; i < n; i++)
            {
                scores[i] *= column[i];
            }
        }

        return new ScoredCandidates(candidates, modelScores.ToArray(), scores, _names, factors, pooled: true);
    }
}
