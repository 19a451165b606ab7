using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Grains.Ranking.Candidates;
using Recsys.Grains.Ranking.Identifiers;
using Recsys.Runtime;

namespace Recsys.Grains.Timeline.CandidateSources;

/// <summary>
/// SimClusters (algorithm.md 4.6): the viewer's strongest InterestedIn communities ask their SimCluster grains for
/// top posts, scored by the dot product of the viewer's vector and the post's community scores; each carries interest
/// proof. Authors are not known until hydration.
/// </summary>
public sealed class SimClustersCandidateSource(IGrainFactory grains) : ICandidateSource
{
    public static readonly CandidateSourceId SourceId = new("SimClusters");

    public CandidateSourceId Id => SourceId;

    public async Task<IReadOnlyList<Candidate>> FetchAsync(TimelineQuery query, CancellationToken cancellation)
    {
        var interests = query.Raw.InterestedIn.OrderByDescending(c => c.Score).ThenBy(c => c.CommunityId)
            .Take(query.Params.SimClustersTopCommunities).ToArray();
        if (interests.Length == 0 || query.Params.SimClustersMaxCandidates == 0)
        {
            return [];
        }

        var found = await grains.GetGrain<ISimClustersRetrievalGrain>(0)
            .GetCandidates(interests, query.Params.SimClustersPostsPerCommunity, query.Params.SimClustersMaxCandidates);
        return found.Select(p => new Candidate
        {
            PostId = p.PostId, Source = SourceId, InNetwork = false, CreatedAt = query.Now, InterestProof = true,
            Signals = new SourceSignals(EngagementCounts.Zero, 0, p.Score, 0),
        }).ToArray();
    }
}
