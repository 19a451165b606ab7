using Recsys.Grains.Ranking.Candidates;

namespace Recsys.Grains.Ranking.Filters;

/// <summary>
/// A filter or selector of the scored list (after the heuristics) that decides from final scores given beside the
/// candidates, so the pipeline need not copy the scores onto every candidate first (<see cref="Scorers.ScoredCandidates"/>):
/// it names the candidates it keeps, in the order it keeps them. Its <see cref="IFilter.Apply"/> or
/// <see cref="Selectors.ISelector.Select"/> is this on the candidates' own scores (<see cref="ScoredListStage.Apply"/>).
/// </summary>
public interface IScoredListStage
{
    /// <summary>
    /// Writes to <paramref name="kept"/> (as long as the candidates) the indices of the candidates kept, in output order,
    /// and sets <paramref name="count"/> to their number; <paramref name="scores"/>[i] is candidate i's final score.
    /// False when this stage cannot decide from the scores beside (a switch wrapped around a stage that needs them on
    /// the candidates): the caller then copies the scores onto the candidates and applies it whole.
    /// </summary>
    bool TrySelect(RankingQuery query, IReadOnlyList<Candidate> candidates, ReadOnlySpan<double> scores, Span<int> kept, out int count);
}
