using Recsys.Grains.Ranking.Candidates;

namespace Recsys.Grains.Ranking.Selectors;

/// <summary>
/// A selector that decides from scores given beside the candidates (the per-source limit on light scores that
/// hydration will set), so the candidates need not be copied with the scores on them first.
/// </summary>
public interface IScoreSelector : ISelector
{
    /// <summary>Which candidates to keep (true: keep), by the scores given beside them; null when all are kept.</summary>
    bool[]? Keep(IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> scores);
}
