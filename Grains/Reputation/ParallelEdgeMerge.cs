namespace Recsys.Grains.Reputation;

/// <summary>How a weighted graph combines several edges between the same (source, target) pair.</summary>
public enum ParallelEdgeMerge
{
    /// <summary>Add the weights (networkx's convention for a weighted multigraph; the reference PageRanks use it).</summary>
    Sum,

    /// <summary>
    /// Keep the largest weight: tweepcred's weighted graph groups follow and RealGraph rows by (src, dst) and takes
    /// the max weight (twitter/the-algorithm, tweepcred/PreparePageRankData.scala, getFlockRealGraphEdges).
    /// </summary>
    Max,
}
