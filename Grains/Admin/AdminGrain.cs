using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Interfaces.Admin;
using Recsys.Grains.Interfaces.Errors;
using Recsys.Runtime;
using Recsys.Runtime.Concurrency;
using Recsys.Runtime.Storage;

namespace Recsys.Grains.Admin;

/// <summary>
/// Reads any grain's stored states through this silo's storage providers and, if it is inspectable, its live
/// summary. The same view as the HTTP admin route, for gateway clients.
/// </summary>
[StatelessWorker]
[Reentrant]
[GrainType("admin")]
public sealed class AdminGrain(GrainStateCatalog catalog) : Grain, IAdminGrain
{
    public async Task<string> ReadGrain(string type, string key, bool live)
    {
        var entry = catalog.Find(type)
            ?? throw new ValidationException("type", $"unknown grain type '{type}'; known: {string.Join(", ", catalog.TypeNames)}");
        var canonical = entry.CanonicalKey(key)
            ?? throw new ValidationException("key", $"'{key}' is not a {entry.KeyKind.ToString().ToLowerInvariant()} key, as {type} grains have");

        var grainId = GrainId.Create(type, canonical);
        var stored = new List<object>();
        foreach (var state in entry.States)
        {
            var storage = ServiceProvider.GetKeyedService<IGrainStorage>(state.Storage);
            var record = storage is null ? null : await storage.ReadAsync(grainId, state.Name);
            stored.Add(new
            {
                name = state.Name,
                storage = state.Storage,
                eTag = record?.ETag,
                modifiedOn = record?.ModifiedOn,
                state = record?.Json is { } json ? JsonDocument.Parse(json).RootElement.Clone() : (JsonElement?)null,
            });
        }

        JsonElement? summary = null;
        if (entry.IsInspectable && live)
        {
            summary = JsonDocument.Parse(await GrainFactory.GetGrain<IInspectable>(grainId).Inspect()).RootElement.Clone();
        }

        return JsonSerializer.Serialize(new { type, key = canonical, stored, live = summary }, InspectJson.Options);
    }

    public Task<IReadOnlyList<string>> GetGrainTypes() => Task.FromResult(catalog.TypeNames);
}
