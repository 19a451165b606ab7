namespace Recsys.Grains.Interfaces.SimClusters;

/// <summary>One entry of a sparse SimClusters vector: a community id (1..k) and its score.</summary>
public readonly record struct CommunityScore(int CommunityId, float Score);
