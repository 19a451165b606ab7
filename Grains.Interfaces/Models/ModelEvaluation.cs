namespace Recsys.Grains.Interfaces.Models;

/// <summary>
/// How a trained version was judged: the examples it was trained and tested on (split by serving time at
/// <see cref="SplitAt"/>), every compared version's per-head metrics on the same held-out examples (the candidate,
/// the embedded default and the version active when training ran), and whether it was promoted and why.
/// </summary>
public sealed record ModelEvaluation(
    DateTimeOffset EvaluatedAt,
    int TrainExamples,
    int TestExamples,
    DateTimeOffset? SplitAt,
    IReadOnlyList<VersionMetrics> Versions,
    bool Promoted,
    string Decision);

/// <summary>One version's held-out metrics; <see cref="Role"/> is "candidate", "default" or "active".</summary>
public sealed record VersionMetrics(string Version, string Role, IReadOnlyList<HeadMetrics> Heads);

/// <summary>
/// One head on the held-out examples: how many, how many positive, AUC (null unless both classes occur) and log loss;
/// <see cref="Note"/> says why a candidate's head was not trained (too few positives, no label source).
/// </summary>
public sealed record HeadMetrics(string Head, int Examples, int Positives, double? Auc, double? LogLoss, string? Note = null);
