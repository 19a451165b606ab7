using Recsys.Grains.Interfaces.Models;

namespace Recsys.Bench.Training;

/// <summary>
/// The training run's evaluation, and per head (RankingHead order) the held-out AUC of the generative model's true
/// probabilities on the same served items (null where a head has no positives).
/// </summary>
public sealed record TrainingBenchResult(ModelEvaluation Evaluation, IReadOnlyList<double?> OracleAuc);
