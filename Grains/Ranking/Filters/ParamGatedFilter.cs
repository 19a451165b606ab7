using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>Runs the wrapped filter only while its switch is on; otherwise keeps everything. Same id as the wrapped filter.</summary>
public sealed class ParamGatedFilter(IFilter inner, Func<bool> enabled) : IFilter, IScoredListStage
{
    public FilterId Id => inner.Id;

    public IFilter Inner => inner;

    public FilterResult Apply(RankingQuery query, IReadOnlyList<Candidate> candidates) =>
        enabled() ? inner.Apply(query, candidates) : new FilterResult(candidates, []);

    public Func<Candidate, bool>? Test(RankingQuery query) => enabled() ? inner.Test(query) : CandidateTests.KeepAll;

    /// <summary>Every candidate while switched off; the wrapped stage's answer while on, false when it needs scores on the candidates.</summary>
    public bool TrySelect(RankingQuery query, IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> scores, Span<int> kept, out int count)
    {
        if (!enabled())
        {
            count = ScoredListStage.KeepAll(candidates.Count, kept);
            return true;
        }

        if (inner is IScoredListStage stage)
        {
            return stage.TrySelect(query, candidates, scores, kept, out count);
        }

        count = 0;
        return false;
    }
}
