using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Timeline.CandidateSources;

/// <summary>Runs the wrapped source only while its switch is on for the request; otherwise it finds nothing. Same id.</summary>
public sealed class ParamGatedCandidateSource(ICandidateSource inner, Func<ForYouParams, bool> enabled) : ICandidateSource
{
    public CandidateSourceId Id => inner.Id;

    public ICandidateSource Inner => inner;

    public Task<IReadOnlyList<Candidate>> FetchAsync(TimelineQuery query, CancellationToken cancellation) =>
        enabled(query.Params) ? inner.FetchAsync(query, cancellation) : Task.FromResult<IReadOnlyList<Candidate>>([]);
}
