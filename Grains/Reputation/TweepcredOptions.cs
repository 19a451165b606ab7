namespace Recsys.Grains.Reputation;

/// <summary>
/// Knobs of the tweepcred job. Defaults are the published job's CLI defaults (twitter/the-algorithm,
/// src/scala/com/twitter/graph/batch/job/tweepcred/WeightedPageRank.scala and ExtractTweepcred.scala).
/// </summary>
public sealed class TweepcredOptions
{
    /// <summary>The default value for <see cref="JumpProbability"/>: 0.1 (--jumpprob).</summary>
    public const double DefaultJumpProbability = 0.1;

    /// <summary>The default value for <see cref="MaxIterations"/>: 20 (--maxiterations).</summary>
    public const int DefaultMaxIterations = 20;

    /// <summary>The default value for <see cref="Tolerance"/>: 0.001 (--threshold).</summary>
    public const double DefaultTolerance = 0.001;

    /// <summary>
    /// The default value for <see cref="ReferencePopulation"/>: 1e9, roughly Twitter's account count when the
    /// 130 + 5.21 ln(pagerank) fit was made. Ours, not the source's: the source applies no rescaling.
    /// </summary>
    public const double DefaultReferencePopulation = 1e9;

    /// <summary>The default value for <see cref="PostAdjust"/>: true (--post_adjust).</summary>
    public const bool DefaultPostAdjust = true;

    /// <summary>The default value for <see cref="UseRealGraphWeights"/>: false (--weighted).</summary>
    public const bool DefaultUseRealGraphWeights = false;

    /// <summary>Probability of a random jump to the user-mass prior at each step (1 − networkx's alpha).</summary>
    public double JumpProbability { get; set; } = DefaultJumpProbability;

    /// <summary>The most PageRank iterations run; the job stops earlier once it converges.</summary>
    public int MaxIterations { get; set; } = DefaultMaxIterations;

    /// <summary>The job stops once Σ|rank after − rank before| over all users is at most this.</summary>
    public double Tolerance { get; set; } = DefaultTolerance;

    /// <summary>
    /// The graph size that the tweepcred byte's constants assume. The mapping 130 + 5.21 ln(raw) was fitted on a
    /// Twitter-size graph; on N users the average rank is 1/N, so a 100k-user graph would put everyone near 70.
    /// The raw rank is multiplied by N / ReferencePopulation before the log, which keeps 65 (the anti-gaming
    /// threshold) meaning the same share of the population on any graph size.
    /// </summary>
    public double ReferencePopulation { get; set; } = DefaultReferencePopulation;

    /// <summary>Whether to divide down accounts following more than 2,500 with few followers, then renormalise.</summary>
    public bool PostAdjust { get; set; } = DefaultPostAdjust;

    /// <summary>
    /// Weighted PageRank: an edge weighs max(1, its RealGraph weight) and rank flows in proportion to weight;
    /// otherwise every follow weighs 1.
    /// </summary>
    public bool UseRealGraphWeights { get; set; } = DefaultUseRealGraphWeights;
}
