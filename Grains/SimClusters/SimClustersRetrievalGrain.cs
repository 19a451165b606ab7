using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Runtime;
using Recsys.Runtime.Concurrency;

namespace Recsys.Grains.SimClusters;

/// <summary>
/// Out-of-network retrieval over the SimCluster grains (the cluster→posts half of SimClusters ANN, algorithm.md 4.6):
/// asks every requested community for its top posts in parallel and merges the answers.
/// </summary>
[StatelessWorker]
[Reentrant]
[GrainType("simclustersretrieval")]
public sealed class SimClustersRetrievalGrain : Grain, ISimClustersRetrievalGrain
{
    /// <summary>Posts asked of one community at most: the published index keeps 1,600 per community.</summary>
    public const int MaxCount = SimClustersOptions.DefaultTopPostsPerCommunity;

    public async Task<IReadOnlyList<CommunityPost>> GetTopPosts(IReadOnlyList<int> communityIds, int countPerCommunity)
    {
        var lists = await FetchAsync(communityIds, countPerCommunity);
        return lists
            .SelectMany(l => l.Posts.Select(p => new CommunityPost(p.PostId, l.Community, p.Score)))
            .OrderByDescending(p => p.Score).ThenBy(p => p.CommunityId).ThenBy(p => p.PostId)
            .ToArray();
    }

    public async Task<IReadOnlyList<ScoredPost>> GetCandidates(IReadOnlyList<CommunityScore> query, int countPerCommunity, int maxResults)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxResults);
        var weights = query.Where(q => q.CommunityId > 0 && q.Score != 0)
            .GroupBy(q => q.CommunityId).ToDictionary(g => g.Key, g => (double)g.Sum(q => q.Score));
        var lists = await FetchAsync(weights.Keys.ToArray(), countPerCommunity);
        var scores = new Dictionary<long, double>();
        foreach (var (community, posts) in lists)
        {
            foreach (var post in posts)
            {
                scores[post.PostId] = scores.GetValueOrDefault(post.PostId) + weights[community] * post.Score;
            }
        }

        return scores.Select(p => new ScoredPost(p.Key, p.Value))
            .OrderByDescending(p => p.Score).ThenBy(p => p.PostId)
            .Take(maxResults)
            .ToArray();
    }

    private async Task<(int Community, IReadOnlyList<ScoredPost> Posts)[]> FetchAsync(IReadOnlyList<int> communityIds, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        count = Math.Min(count, MaxCount);
        var communities = communityIds.Where(c => c > 0).Distinct().ToArray();
        if (count == 0 || communities.Length == 0)
        {
            return [];
        }

        var lists = await Task.WhenAll(communities.Select(c => GrainFactory.GetGrain<ISimClusterGrain>(c).GetTopPosts(count)));
        return communities.Select((c, i) => (c, lists[i])).ToArray();
    }
}
