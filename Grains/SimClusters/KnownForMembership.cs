namespace Recsys.Grains.SimClusters;

/// <summary>
/// The one community a producer is known for (ids 1..k, as published) and how strongly: the share of its similarity
/// edge weight that stays inside the community, in (0, 1].
/// </summary>
public readonly record struct KnownForMembership(int Cluster, float Score);
