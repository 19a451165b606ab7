using Recsys.Runtime;

namespace Recsys.Grains.Interfaces.SimClusters;

/// <summary>
/// Out-of-network retrieval from the SimCluster grains (a stateless worker; use key 0): asks the communities in
/// parallel and merges their answers.
/// </summary>
public interface ISimClustersRetrievalGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// The top <paramref name="countPerCommunity"/> posts of each community, one entry per (post, community), best
    /// score first (ties: community, then post id ascending). Unknown or empty communities add nothing.
    /// </summary>
    Task<IReadOnlyList<CommunityPost>> GetTopPosts(IReadOnlyList<int> communityIds, int countPerCommunity);

    /// <summary>
    /// Candidates for a query vector (a user's InterestedIn), as SimClusters ANN scores them: the top
    /// <paramref name="countPerCommunity"/> posts of each query community, each scored by the dot product of the
    /// query with the post's scores in those communities; the best <paramref name="maxResults"/>, best first.
    /// </summary>
    Task<IReadOnlyList<ScoredPost>> GetCandidates(IReadOnlyList<CommunityScore> query, int countPerCommunity, int maxResults);
}

/// <summary>A post in one community's top posts, with its decayed score there.</summary>
public readonly record struct CommunityPost(long PostId, int CommunityId, double Score);
