namespace Recsys.Grains.Reputation;

/// <summary>
/// A directed edge of the reputation graph: <paramref name="Source"/> follows <paramref name="Target"/>. The weight is
/// used only by a weighted graph (RealGraph strength in tweepcred's weighted variant) and is stored as a float, as
/// the published job does (WeightedPageRank.scala reads 'weights as Array[Float]).
/// </summary>
public readonly record struct FollowEdge(long Source, long Target, float Weight = 1f);
