using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Timeline.CandidateSources;

/// <summary>
/// Starts the query's followee-engagement read (the query hydrator) when the wrapped source runs, beside it: the
/// social-graph source walks those engagements, and the social-proof hydrator adds them to every fresh candidate. A
/// request whose sources are all gated off by the cache (nothing to hydrate) does not read them. Same id.
/// </summary>
public sealed class FolloweeEngagementsReadingCandidateSource(ICandidateSource inner) : ICandidateSource
{
    public CandidateSourceId Id => inner.Id;

    public ICandidateSource Inner => inner;

    public Task<IReadOnlyList<Candidate>> FetchAsync(TimelineQuery query, CancellationToken cancellation)
    {
        query.StartFolloweeEngagements();
        return inner.FetchAsync(query, cancellation);
    }
}
