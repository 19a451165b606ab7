using Recsys.Grains.Ranking.Candidates;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>What a filter kept, in input order, and what it removed.</summary>
public sealed record FilterResult(IReadOnlyList<Candidate> Kept, IReadOnlyList<Candidate> Removed)
{
    /// <summary>Splits the candidates by a predicate that says whether to keep each one (no copy when all are kept).</summary>
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

        var kept = new List<Candidate>(candidates.Count);
        for (var i = 0; i < first; i++)
        {
            kept.Add(candidates[i]);
        }

        var removed = new List<Candidate> { candidates[first] };
        for (var i = first + 1; i < candidates.Count; i++)
        {
            (keep(candidates[i]) ? kept : removed).Add(candidates[i]);
        }

        return new FilterResult(kept, removed);
    }
}
