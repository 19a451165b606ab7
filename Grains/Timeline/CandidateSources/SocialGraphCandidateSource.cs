using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;

namespace Recsys.Grains.Timeline.CandidateSources;

/// <summary>
/// Social graph (UTEG-like, algorithm.md 5.2): posts the viewer's followees engaged with in the last 24 h, each
/// followee weighted by its RealGraph score, ranked by summed weight, with the engaging followees as social proof.
/// Posts by the viewer or by accounts the viewer follows are left to the in-network source.
/// </summary>
public sealed class SocialGraphCandidateSource : ICandidateSource
{
    public static readonly CandidateSourceId SourceId = new("SocialGraph");

    public CandidateSourceId Id => SourceId;

    public async Task<IReadOnlyList<Candidate>> FetchAsync(TimelineQuery query, CancellationToken cancellation)
    {
        var engaged = await query.FolloweeEngagements;
        var viewer = query.Viewer;
        return engaged.Posts.Values
            .Where(p => p.AuthorId != viewer.UserId && !viewer.IsFollowing(p.AuthorId))
            .OrderByDescending(p => p.Weight).ThenByDescending(p => p.LatestAt).ThenByDescending(p => p.PostId)
            .Take(query.Params.SocialGraphMaxCandidates)
            .Select(p => new Candidate
            {
                PostId = p.PostId, AuthorId = p.AuthorId, Source = SourceId, InNetwork = false, CreatedAt = p.LatestAt,
                SocialProof = p.Proof, Signals = new SourceSignals(p.Counts, p.BestRealGraph, 0, p.Weight),
            })
            .ToArray();
    }
}
