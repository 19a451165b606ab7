using Recsys.Runtime;
using Recsys.Runtime.Concurrency;

namespace Recsys.Grains.Interfaces.Models;

/// <summary>
/// The model registry (key 0): which version of each model is active, and the model files uploaded beside the
/// ones every silo carries embedded (the committed <c>default-v*</c> files). Silos poll <see cref="GetActive"/>
/// and fetch the files of versions they do not have. A version is immutable: uploading other content under a
/// known version is a ValidationException on "version".
/// </summary>
public interface IModelRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>The active version of every known model, and a revision that grows with each change.</summary>
    [ReadOnly]
    Task<ActiveModels> GetActive();

    /// <summary>Every known version of every model, embedded and uploaded.</summary>
    [ReadOnly]
    Task<IReadOnlyList<ModelVersionInfo>> List();

    /// <summary>The model file's JSON; UnknownEntity-style ValidationException on "version" when unknown.</summary>
    [ReadOnly]
    Task<string> GetFile(string name, string version);

    /// <summary>Validates and stores a model file (JSON text); returns what was stored. Does not activate it.</summary>
    Task<ModelVersionInfo> Upload(string json);

    /// <summary>
    /// Stores a trained version with its evaluation and, when <see cref="ModelEvaluation.Promoted"/>, activates it;
    /// an evaluation for a version already stored replaces the earlier one. Validation as <see cref="Upload"/>.
    /// </summary>
    Task<ModelVersionInfo> UploadEvaluated(string json, ModelEvaluation evaluation);

    /// <summary>Makes a known version the active one; silos pick it up on their next poll.</summary>
    Task<ActiveModels> Activate(string name, string version);
}
