namespace Recsys.Grains.Reputation;

/// <summary>The arrays of a <see cref="ReputationGraph"/>: out-rows, their transpose, and each node's out-weight total.</summary>
internal sealed record CsrArrays(
    int[] OutOffsets, int[] OutTargets, float[]? OutWeights,
    int[] InOffsets, int[] InSources, float[]? InWeights,
    double[] OutWeightTotals);
