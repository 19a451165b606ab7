using Recsys.Grains.Interfaces.Admin;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Runtime;
using Recsys.Runtime.Concurrency;

namespace Recsys.Grains.Interfaces.Posts;

/// <summary>
/// One post (key: post id): its facts and the rolling aggregates of engagements it received. Creating it tells the
/// author's User grain and fans the post out to the author's followers.
/// </summary>
public interface IPostGrain : IGrainWithIntegerKey, IInspectable
{
    /// <summary>
    /// Creates the post; creating it again returns it unchanged. Throws UnknownEntityException for an unknown author
    /// or parent, ValidationException for a bad field, before changing anything.
    /// </summary>
    Task<PostInfo> Create(PostRecord post);

    /// <summary>The post's facts, or null when it was never created.</summary>
    [AlwaysInterleave]
    Task<PostInfo?> TryGetInfo();

    /// <summary>The post with its engagement aggregates; throws UnknownEntityException when never created.</summary>
    Task<PostView> GetView();

    /// <summary>Applies logged engagements on this post (deduplicated by sequence; a ValueTask, as the User grain's).</summary>
    ValueTask ApplyEngagements(IReadOnlyList<LoggedEngagement> events);

    /// <summary>Catches up with the event log and writes a checkpoint now.</summary>
    Task Checkpoint();

    /// <summary>The SimClusters embedding grown from likes, valued now; null before the first counted like.</summary>
    [ReadOnly]
    Task<PostEmbeddingView?> GetSimClustersEmbedding();
}
