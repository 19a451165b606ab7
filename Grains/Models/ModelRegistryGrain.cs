using Recsys.Grains.Interfaces.Errors;
using Recsys.Grains.Interfaces.Models;
using Recsys.Runtime;
using Recsys.Runtime.Storage;

namespace Recsys.Grains.Models;

/// <summary>
/// The model registry (key 0). Embedded versions are known from this silo's <see cref="ModelCatalog"/> (every silo
/// carries the same ones); uploaded versions are stored here. Activating a version updates this silo's catalog at
/// once; the other silos pick it up when they next poll (<see cref="ModelOptions.PollInterval"/>).
/// </summary>
[GrainType("modelregistry")]
public sealed class ModelRegistryGrain(
    [PersistentState("models")] IPersistentState<ModelRegistryState> state,
    ModelCatalog catalog) : Grain, IModelRegistryGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var (id, json) in state.State.Uploaded)
        {
            try
            {
                catalog.Add(ModelFileReader.Parse(json, id));
            }
            catch (ModelFileException)
            {
                // stored by a build whose features differ; it stays listed in storage but cannot be served here
            }
        }

        catalog.SetActive(Snapshot());
        return Task.CompletedTask;
    }

    public Task<ActiveModels> GetActive() => Task.FromResult(Snapshot());

    public Task<IReadOnlyList<ModelVersionInfo>> List()
    {
        IReadOnlyList<ModelVersionInfo> versions = catalog.Files.Select(Describe).ToArray();
        return Task.FromResult(versions);
    }

    public Task<string> GetFile(string name, string version) =>
        Task.FromResult(ModelFileReader.Write(Known(name, version)));

    public async Task<ModelVersionInfo> Upload(string json)
    {
        var model = Parse(json);
        if (Store(model) is { } existing)
        {
            return Describe(existing);
        }

        state.State.Revision++;
        await state.WriteStateAsync();
        catalog.Add(model);
        return Describe(model);
    }

    public async Task<ModelVersionInfo> UploadEvaluated(string json, ModelEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var model = Parse(json);
        var existing = Store(model);
        state.State.Evaluations[model.ToString()] = evaluation;
        if (evaluation.Promoted)
        {
            state.State.Active[model.Name] = model.Version;
        }

        state.State.Revision++;
        await state.WriteStateAsync();
        if (existing is null)
        {
            catalog.Add(model);
        }

        catalog.SetActive(Snapshot());
        return Describe(existing ?? model);
    }

    private ModelFile Parse(string json)
    {
        ModelFile model;
        try
        {
            model = ModelFileReader.Parse(json, "upload");
            catalog.CheckEvaluable(model);
        }
        catch (ModelFileException exception)
        {
            throw new ValidationException("file", exception.Problem);
        }

        return model;
    }

    /// <summary>Puts a new version in the state (not yet written); returns the known one when the same content exists.</summary>
    private ModelFile? Store(ModelFile model)
    {
        var canonical = ModelFileReader.Write(model);
        if (catalog.Find(model.Name, model.Version) is { } existing)
        {
            return ModelFileReader.Write(existing) == canonical
                ? existing
                : throw new ValidationException("version", $"{model} exists with other content; versions are immutable, upload a new version");
        }

        state.State.Uploaded[model.ToString()] = canonical;
        return null;
    }

    public async Task<ActiveModels> Activate(string name, string version)
    {
        Known(name, version);
        state.State.Active[name] = version;
        state.State.Revision++;
        await state.WriteStateAsync();
        var active = Snapshot();
        catalog.SetActive(active);
        return active;
    }

    private ActiveModels Snapshot()
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in catalog.Files.Select(m => m.Name).Distinct())
        {
            if ((state.State.Active.GetValueOrDefault(name) ?? catalog.DefaultVersion(name)) is { } version)
            {
                versions[name] = version;
            }
        }

        return new ActiveModels(state.State.Revision, versions);
    }

    private ModelFile Known(string name, string version) =>
        catalog.Find(name, version) ?? throw new ValidationException("version",
            $"unknown model {name}/{version}; known: {string.Join(", ", catalog.Files.Select(m => m.ToString()))}");

    private ModelVersionInfo Describe(ModelFile model) => new(
        model.Name,
        model.Version,
        catalog.Embedded.Contains((model.Name, model.Version)) ? ModelSource.Embedded : ModelSource.Uploaded,
        (state.State.Active.GetValueOrDefault(model.Name) ?? catalog.DefaultVersion(model.Name)) == model.Version,
        model.Description,
        model.CoefficientCount,
        state.State.Evaluations.GetValueOrDefault(model.ToString()));
}
