namespace Recsys.Grains.Interfaces.Models;

/// <summary>
/// One version of a model: where it comes from (embedded in every silo, or uploaded), whether it is active, and for a
/// trained version its held-out evaluation (kept with the version for as long as the registry keeps it).
/// </summary>
public sealed record ModelVersionInfo(
    string Name, string Version, ModelSource Source, bool Active, string Description, int Coefficients, ModelEvaluation? Evaluation = null);

/// <summary>Embedded: a committed file under models/ that every silo carries. Uploaded: stored by the registry.</summary>
public enum ModelSource
{
    Embedded,
    Uploaded,
}

/// <summary>The active version per model name, and the registry's revision (it grows with every change).</summary>
public sealed record ActiveModels(long Revision, IReadOnlyDictionary<string, string> Versions);
