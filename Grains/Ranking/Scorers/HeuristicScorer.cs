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
    public IReadOnlyList<Candidate> Score(RankingQuery query, IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> modelScores)
    {
        if (modelScores.Length != candidates.Count)
        {
            throw new ArgumentException($"expected {candidates.Count} model scores, got {modelScores.Length}", nameof(modelScores));
        }

        var n = candidates.Count;
        var factors = ArrayPool<double>.Shared.Rent(rescorers.Count * n);
        try
        {
            for (var r = 0; r < rescorers.Count; r++)
            {
                var span = factors.AsSpan(r * n, n);
                span.Fill(1.0);
                rescorers[r].Factors(query, candidates, modelScores, span);
            }

            // A factor equal to the rescorer's previous one reuses its record (most factors repeat: 0.75, 2, 0.625, ...).
            var last = new HeuristicFactor?[rescorers.Count];
            var scored = new Candidate[n];
            for (var i = 0; i < n; i++)
            {
                var score = modelScores[i];
                var count = 0;
                for (var r = 0; r < rescorers.Count; r++)
                {
                    count += factors[r * n + i] != 1.0 ? 1 : 0;
                }

                var applied = count == 0 ? [] : new HeuristicFactor[count];
                for (int r = 0, k = 0; r < rescorers.Count; r++)
                {
                    var factor = factors[r * n + i];
                    if (factor != 1.0)
                    {
                        score *= factor;
                        applied[k++] = last[r] is { } same && BitConverter.DoubleToInt64Bits(same.Factor) == BitConverter.DoubleToInt64Bits(factor) ? same : last[r] = new HeuristicFactor(rescorers[r].Id.Name, factor);
                    }
                }

                scored[i] = candidates[i] with { ModelScore = modelScores[i], Score = score, Factors = applied };
            }

            return scored;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(factors);
        }
    }
}
