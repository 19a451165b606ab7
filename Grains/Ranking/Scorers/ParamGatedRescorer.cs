using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Ranking.Scorers;

/// <summary>Runs the wrapped heuristic only while its switch is on; otherwise its factors stay 1.</summary>
public sealed class ParamGatedRescorer(IRescorer inner, Func<bool> enabled) : IRescorer
{
    public ScorerId Id => inner.Id;

    public void Factors(RankingQuery query, IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> modelScores, Span<double> factors)
    {
        if (enabled())
        {
            inner.Factors(query, candidates, modelScores, factors);
        }
    }
}
