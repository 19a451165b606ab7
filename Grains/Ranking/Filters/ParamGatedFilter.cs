using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>Runs the wrapped filter only while its switch is on; otherwise keeps everything. Same id as the wrapped filter.</summary>
public sealed class ParamGatedFilter(IFilter inner, Func<bool> enabled) : IFilter
{
    public FilterId Id => inner.Id;

    public IFilter Inner => inner;

    public FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates) =>
        enabled() ? inner.Apply(query, candidates) : new FilterResult(candidates, []);

    public Func<Candidate, bool>? Test(RankingQuery query) => enabled() ? inner.Test(query) : CandidateTests.KeepAll;
}
