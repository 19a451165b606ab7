using Recsys.Grains.Ranking.Candidates;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>What a filter kept, in input order, and what it removed.</summary>
public sealed record FilterResult(IReadOnlyList<Candidate> Kept, IReadOnlyList<Candidate> Removed)
{
    /// <summary>Splits the candidates by a predicate that says whether to keep each one (no copy when all are kept).</summary>
    /// <remarks>The predicate is called once per candidate, in order (some count or remember what they kept).</remarks>
    public static FilterResult Partition(IReadOnlyList<Candidate> candidates, Func<Candidate, bool> keep)
    {
        var first = 0;
        while (first < candidates.Count && keep(candidates[first]))
        {
            first++;
        }

        if (first == candidates.Count)
        {
            return new FilterResult(candidates, []);
        }

        var n = candidates.Count;
        Span<bool> decisions = n <= 4096 ? stackalloc bool[n] : new bool[n];
        decisions[..first].Fill(true);
        decisions[first] = false;
        for (var i = first + 1; i < n; i++)
        {
            decisions[i] = keep(candidates[i]);
        }

        return Partition(candidates, decisions);
    }

    /// <summary>Splits the candidates by one decision per candidate (true: keep), into lists of exactly their size.</summary>
    public static FilterResult Partition(IReadOnlyList<Candidate> candidates, ReadOnlySpan<bool> keep)
    {
        if (keep.Length != candidates.Count)
        {
            throw new ArgumentException($"expected {candidates.Count} decisions, got {keep.Length}", nameof(keep));
        }

        var removedCount = keep.Count(false);
        if (removedCount == 0)
        {
            return new FilterResult(candidates, []);
        }

        var kept = new Candidate[candidates.Count - removedCount];
        var removed = new Candidate[removedCount];
        int k = 0, r = 0;
        for (var i = 0; i < keep.Length; i++)
        {
            if (keep[i])
            {
                kept[k++] = candidates[i];
            }
            else
            {
                removed[r++] = candidates[i];
            }
        }

        return new FilterResult(kept, removed);
    }
}
