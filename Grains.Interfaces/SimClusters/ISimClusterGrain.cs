using Recsys.Grains.Interfaces.Admin;
using Recsys.Runtime;
using Recsys.Runtime.Concurrency;

namespace Recsys.Grains.Interfaces.SimClusters;

/// <summary>
/// One SimClusters community (key: community id, 1..k): the producers it is known for, written by the SimClusters
/// job, and its top posts by decayed score (bounded, 1,600 as published), kept up to date as likes arrive through
/// <see cref="ISimClusterPostBatcherGrain"/>.
/// </summary>
public interface ISimClusterGrain : IGrainWithIntegerKey, IInspectable
{
    /// <summary>Replaces the KnownFor producers (strongest first) with those of a newer model version.</summary>
    Task SetKnownFor(CommunityKnownFor knownFor);

    /// <summary>Sets posts' scores in this community as of each update's time; a score under the minimum removes the post.</summary>
    Task UpdatePosts(IReadOnlyList<PostScoreUpdate> updates);

    /// <summary>Up to <paramref name="count"/> top posts, best first, valued now.</summary>
    [ReadOnly]
    Task<IReadOnlyList<ScoredPost>> GetTopPosts(int count);

    [ReadOnly]
    Task<CommunityView> GetView();
}

/// <summary>A community's KnownFor producers (strongest first) from one model version.</summary>
public sealed record CommunityKnownFor(int ModelVersion, DateTimeOffset ComputedAt, IReadOnlyList<KnownForProducer> Producers);

/// <summary>A producer known for a community, with its membership score (the share of its similarity inside it).</summary>
public readonly record struct KnownForProducer(long ProducerId, float Score);

/// <summary>A post's decayed score in one community, valued at <paramref name="At"/>.</summary>
public readonly record struct PostScoreUpdate(long PostId, double Score, DateTimeOffset At);

/// <summary>A post and its score.</summary>
public readonly record struct ScoredPost(long PostId, double Score);

/// <summary>A community as its grain holds it: model version, KnownFor producers and how many top posts it keeps.</summary>
public sealed record CommunityView(
    int CommunityId,
    int ModelVersion,
    DateTimeOffset? ComputedAt,
    IReadOnlyList<KnownForProducer> KnownFor,
    int TopPostCount);
