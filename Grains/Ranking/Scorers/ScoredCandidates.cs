using System.Buffers;
using Recsys.Grains.Ranking.Candidates;

namespace Recsys.Grains.Ranking.Scorers;

/// <summary>
/// What the <see cref="HeuristicScorer"/> computed for a list, kept beside the candidates instead of copied onto them:
/// each one's model score, final score and heuristic factors. The stages after the heuristics decide from the scores
/// beside (<see cref="Filters.IScoredListStage"/>), and only the candidates they keep are copied with their scores
/// (<see cref="Materialize(ReadOnlySpan{int})"/>): on a refresh from the cache, about 120 copies instead of 1,000 (issue 10).
/// </summary>
public sealed class ScoredCandidates
{
    private readonly string[] _names;
    private readonly double[] _modelScores;
    private readonly double[] _scores;
    private double[]? _factors; // rescorer-major, as HeuristicFactorTable reads it; null once released
    private readonly bool _pooled;

    /// <param name="candidates">As given to the heuristics (their own scores are not read).</param>
    /// <param name="names">The rescorers' names, in column order.</param>
    /// <param name="factors">Rescorer r's factor for candidate i at r x n + i.</param>
    /// <param name="pooled">The factors were rented from <see cref="ArrayPool{T}.Shared"/>: <see cref="ReleaseFactors"/> returns them.</param>
    public ScoredCandidates(IReadOnlyList<Candidate> candidates, double[] modelScores, double[] scores, string[] names, double[] factors, bool pooled = false)
    {
        var n = candidates.Count;
        ArgumentOutOfRangeException.ThrowIfNotEqual(modelScores.Length, n, nameof(modelScores));
        ArgumentOutOfRangeException.ThrowIfNotEqual(scores.Length, n, nameof(scores));
        ArgumentOutOfRangeException.ThrowIfLessThan(factors.Length, names.Length * n, nameof(factors));
        (Candidates, _modelScores, _scores, _names, _factors, _pooled) = (candidates, modelScores, scores, names, factors, pooled);
    }

    public IReadOnlyList<Candidate> Candidates { get; }

    public int Count => Candidates.Count;

    public ReadOnlySpan<double> ModelScores => _modelScores;

    /// <summary>The final scores: each model score times every factor.</summary>
    public ReadOnlySpan<double> Scores => _scores;

    /// <summary>Every candidate copied with its scores and factors, in order.</summary>
    public IReadOnlyList<Candidate> Materialize()
    {
        var rows = new int[Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = i;
        }

        return Materialize(rows);
    }

    /// <summary>
    /// The candidates at <paramref name="rows"/>, in that order, copied with their scores and factors; their factors go to
    /// a table of those rows alone, so the run's full table is not kept alive by the ranked list.
    /// </summary>
    public Candidate[] Materialize(ReadOnlySpan<int> rows)
    {
        var m = rows.Length;
        var all = Factors;
        var factors = new double[_names.Length * m];
        for (var r = 0; r < _names.Length; r++)
        {
            var from = all.AsSpan(r * Count, Count);
            var to = factors.AsSpan(r * m, m);
            for (var k = 0; k < m; k++)
            {
                to[k] = from[rows[k]];
            }
        }

        var table = new HeuristicFactorTable(_names, factors, m);
        var scored = new Candidate[m];
        for (var k = 0; k < m; k++)
        {
            var row = rows[k];
            scored[k] = Candidates[row] with { ModelScore = _modelScores[row], Score = _scores[row], FactorRow = (table, k) };
        }

        return scored;
    }

    /// <summary>
    /// Gives the factors back to the pool once no more candidates will be copied: what was copied keeps its own; the
    /// scores stay readable (the cache keeps candidates by them), but copying with factors is refused from then on.
    /// </summary>
    public void ReleaseFactors()
    {
        if (_factors is { } factors && _pooled)
        {
            ArrayPool<double>.Shared.Return(factors);
        }

        _factors = null;
    }

    private double[] Factors => _factors ?? throw new InvalidOperationException("the factors were released: nothing more can be copied with them");
}
