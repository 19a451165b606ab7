namespace Recsys.Grains.Training.Learning;

/// <summary>The fitting knobs one training run uses for every head (from <see cref="TrainingOptions"/>).</summary>
public sealed record HeadTrainingSettings(double L2, bool BalanceClasses, int MinPositives);
