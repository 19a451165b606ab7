using System.Buffers;
using Recsys.Grains.Ranking.Candidates;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>Runs an <see cref="IScoredListStage"/> on candidates that carry their scores, as a filter or selector does.</summary>
public static class ScoredListStage
{
    /// <summary>
    /// The stage on <paramref name="candidates"/>' own final scores: what it kept, in its order, and what it dropped, in
    /// input order (the input itself when it kept everything in place).
    /// </summary>
    public static FilterResult Apply(IScoredListStage stage, RankingQuery query, IReadOnlyList<Candidate> candidates)
    {
        var n = candidates.Count;
        var (scores, kept) = (ArrayPool<double>.Shared.Rent(n), ArrayPool<int>.Shared.Rent(n));
        try
        {
            for (var i = 0; i < n; i++)
            {
                scores[i] = candidates[i].Score;
            }

            if (!stage.TrySelect(query, candidates, scores.AsSpan(0, n), kept.AsSpan(0, n), out var count))
            {
                throw new InvalidOperationException($"{stage.GetType().Name} cannot run on these candidates");
            }

            return Result(candidates, kept.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scores);
            ArrayPool<int>.Shared.Return(kept);
        }
    }

    /// <summary>Writes 0 to n - 1 (every candidate kept, in place) and returns n.</summary>
    public static int KeepAll(int n, Span<int> kept)
    {
        for (var i = 0; i < n; i++)
        {
            kept[i] = i;
        }

        return n;
    }

    /// <summary>Writes the indices <paramref name="keep"/> marks true, in order, and returns their number.</summary>
    public static int Indices(ReadOnlySpan<bool> keep, Span<int> kept)
    {
        var count = 0;
        for (var i = 0; i < keep.Length; i++)
        {
            if (keep[i])
            {
                kept[count++] = i;
            }
        }

        return count;
    }

    private static FilterResult Result(IReadOnlyList<Candidate> candidates, ReadOnlySpan<int> kept)
    {
        var n = candidates.Count;
        var inPlace = kept.Length == n;
        for (var k = 0; inPlace && k < kept.Length; k++)
        {
            inPlace = kept[k] == k;
        }

        if (inPlace)
        {
            return new FilterResult(candidates, []);
        }

        var result = new Candidate[kept.Length];
        Span<bool> dropped = n <= 4096 ? stackalloc bool[n] : new bool[n];
        dropped.Fill(true);
        for (var k = 0; k < kept.Length; k++)
        {
            result[k] = candidates[kept[k]];
            dropped[kept[k]] = false;
        }

        var removed = new Candidate[n - kept.Length];
        for (int i = 0, r = 0; i < n; i++)
        {
            if (dropped[i])
            {
                removed[r++] = candidates[i];
            }
        }

        return new FilterResult(result, removed);
    }
}
