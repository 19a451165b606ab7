using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Scorers;

/// <summary>
/// The heuristic re-scoring step (HeuristicScorer, algorithm.md 1.6): final = model score x the product of every
/// rescorer's factor, each factor other than 1 recorded on the candidate under its rescorer's name. All rescorers
/// read the model scores, so their order does not change the result.
/// </summary>
public sealed class HeuristicScorer(IReadOnlyList<IRescorer> rescorers) : IScorer
{
    public ScorerId Id { get; } = new("Heuristic");

    public IReadOnlyList<IRescorer> Rescorers => rescorers;

    public IReadOnlyList<Candidate> Score(RankingQuery query, IReadOnlyList<Candidate> candidates)
    {
        var n = candidates.Count;
        var factors = new double[rescorers.Count * n];
        for (var r = 0; r < rescorers.Count; r++)
        {
            var span = factors.AsSpan(r * n, n);
            span.Fill(1.0);
            rescorers[r].Factors(query, candidates, span);
        }

        var scored = new Candidate[n];
        for (var i = 0; i < n; i++)
        {
            var c = candidates[i];
            var score = c.ModelScore;
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
                    applied[k++] = new HeuristicFactor(rescorers[r].Id.Name, factor);
                }
            }

            scored[i] = c with { Score = score, Factors = applied };
        }

        return scored;
    }
}
