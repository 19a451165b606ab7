namespace Recsys.Grains.SimClusters;

/// <summary>A similar producer and the estimated cosine similarity of the two follower sets.</summary>
public readonly record struct ProducerNeighbor(long Producer, float Cosine);
