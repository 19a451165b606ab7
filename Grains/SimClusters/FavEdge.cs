namespace Recsys.Grains.SimClusters;

/// <summary>
/// How much a consumer likes a producer's posts: the caller's decayed like count (published: half-life 100 days,
/// algorithm.md 4.2). Zero or negative scores carry no interest.
/// </summary>
public readonly record struct FavEdge(long Consumer, long Producer, float Score);
