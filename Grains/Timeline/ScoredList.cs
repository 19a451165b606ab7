using System.Buffers;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Filters;
using Recsys.Grains.Ranking.Scorers;

namespace Recsys.Grains.Timeline;

/// <summary>
/// The scored list as the stages after the heuristics narrow and reorder it, by index: which of the
/// <see cref="ScoredCandidates"/> are still in, in order, with their final scores beside them. Nothing is copied until
/// <see cref="Materialize"/>, which copies only the candidates left. Arrays are pooled; <see cref="Return"/> gives them back.
/// </summary>
internal sealed class ScoredList
{
    private readonly ScoredCandidates _scored;
    private Candidate[] _candidates;
    private double[] _scores;
    private int[] _rows; // each entry's row in _scored
    private Candidate[] _nextCandidates;
    private double[] _nextScores;
    private int[] _nextRows;
    private readonly int[] _kept;

    public ScoredList(ScoredCandidates scored)
    {
        var n = scored.Count;
        _scored = scored;
        (_candidates, _nextCandidates) = (ArrayPool<Candidate>.Shared.Rent(n), ArrayPool<Candidate>.Shared.Rent(n));
        (_scores, _nextScores) = (ArrayPool<double>.Shared.Rent(n), ArrayPool<double>.Shared.Rent(n));
        (_rows, _nextRows) = (ArrayPool<int>.Shared.Rent(n), ArrayPool<int>.Shared.Rent(n));
        _kept = ArrayPool<int>.Shared.Rent(n);
        for (var i = 0; i < n; i++)
        {
            (_candidates[i], _scores[i], _rows[i]) = (scored.Candidates[i], scored.Scores[i], i);
        }

        Count = n;
    }

    public int Count { get; private set; }

    /// <summary>Runs the gathered tests in one pass, as <see cref="ForYouStages.Filter"/> does, then clears them.</summary>
    public void Test(List<(string Scope, Func<Candidate, bool> Keep)> tests, PipelineStats stats)
    {
        if (tests.Count == 0)
        {
            return;
        }

        var n = Count;
        Span<bool> keep = n <= 4096 ? stackalloc bool[n] : new bool[n];
        if (ForYouStages.RunTests(tests, new ArraySegment<Candidate>(_candidates, 0, n), keep, stats) > 0)
        {
            Keep(ScoredListStage.Indices(keep, _kept), inOrder: true);
        }
    }

    /// <summary>The stage on the list's scores; false (nothing changed) when it needs them on the candidates.</summary>
    public bool TrySelect(IScoredListStage stage, RankingQuery query, string scope, PipelineStats stats)
    {
        var n = Count;
        if (!stage.TrySelect(query, new ArraySegment<Candidate>(_candidates, 0, n), _scores.AsSpan(0, n), _kept.AsSpan(0, n), out var count))
        {
            return false;
        }

        stats.RecordRemoved(scope, n - count);
        Keep(count, inOrder: false);
        return true;
    }

    /// <summary>The candidates left, in order, copied with their scores and factors.</summary>
    public Candidate[] Materialize() => _scored.Materialize(_rows.AsSpan(0, Count));

    public void Return()
    {
        ArrayPool<Candidate>.Shared.Return(_candidates, clearArray: true);
        ArrayPool<Candidate>.Shared.Return(_nextCandidates, clearArray: true);
        ArrayPool<double>.Shared.Return(_scores);
        ArrayPool<double>.Shared.Return(_nextScores);
        ArrayPool<int>.Shared.Return(_rows);
        ArrayPool<int>.Shared.Return(_nextRows);
        ArrayPool<int>.Shared.Return(_kept);
    }

    // Narrows the list to the first count indices of _kept, in their order. Increasing indices compact in place; any
    // other order (a sort) goes through the second set of arrays.
    private void Keep(int count, bool inOrder)
    {
        if (inOrder)
        {
            for (var k = 0; k < count; k++)
            {
                var i = _kept[k];
                (_candidates[k], _scores[k], _rows[k]) = (_candidates[i], _scores[i], _rows[i]);
            }
        }
        else
        {
            for (var k = 0; k < count; k++)
            {
                var i = _kept[k];
                (_nextCandidates[k], _nextScores[k], _nextRows[k]) = (_candidates[i], _scores[i], _rows[i]);
            }

            (_candidates, _nextCandidates) = (_nextCandidates, _candidates);
            (_scores, _nextScores) = (_nextScores, _scores);
            (_rows, _nextRows) = (_nextRows, _rows);
        }

        Count = count;
    }
}
