using Recsys.Grains.Interfaces.Models;

namespace Recsys.Grains.Training;

/// <summary>
/// What one training run did: items read and labelled, the trained version (null when too few items), and its
/// evaluation (which holds every compared version's per-head metrics and the promotion decision).
/// </summary>
public sealed record TrainingReport(int ServedItems, int LabelledExamples, string? Version, ModelEvaluation? Evaluation, string Summary);
