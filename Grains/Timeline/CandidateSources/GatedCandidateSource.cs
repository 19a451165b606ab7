using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;
using Recsys.Grains.Timeline.Gates;

namespace Recsys.Grains.Timeline.CandidateSources;

/// <summary>Runs the wrapped source only when its gate opens for the request. Same id as the wrapped source.</summary>
public sealed class GatedCandidateSource(ICandidateSource inner, IGate gate) : ICandidateSource
{
    public CandidateSourceId Id => inner.Id;

    public IGate Gate => gate;

    public Task<IReadOnlyList<Candidate>> FetchAsync(TimelineQuery query, CancellationToken cancellation) =>
        gate.ShouldRun(query) ? inner.FetchAsync(query, cancellation) : Task.FromResult<IReadOnlyList<Candidate>>([]);
}
