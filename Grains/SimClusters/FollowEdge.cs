namespace Recsys.Grains.SimClusters;

/// <summary>A consumer follows a producer.</summary>
public readonly record struct FollowEdge(long Consumer, long Producer);
