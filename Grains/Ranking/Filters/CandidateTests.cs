using Recsys.Grains.Ranking.Candidates;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>Per-candidate filter tests (<see cref="IFilter.Test"/>): the one that keeps all, and a filter applied by its test.</summary>
public static class CandidateTests
{
    /// <summary>Keeps every candidate: the filter has nothing to do for this query.</summary>
    public static readonly Func<Candidate, bool> KeepAll = static _ => true;

    /// <summary>What a per-candidate filter keeps: nothing copied when its test keeps all.</summary>
    public static FilterResult Apply(Func<Candidate, bool> test, IReadOnlyList<Candidate> candidates) =>
        ReferenceEquals(test, KeepAll) ? new FilterResult(candidates, []) : FilterResult.Partition(candidates, test);
}
