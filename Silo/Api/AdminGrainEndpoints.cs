using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Admin;
using Recsys.Grains.Interfaces.Admin;
using Recsys.Runtime;
using Recsys.Runtime.Storage;
using Recsys.Silo.Api.Contracts;

namespace Recsys.Silo.Api;

/// <summary>
/// GET /api/admin/grains/{type}/{key}: the full state of any grain: each persistent state as storage holds it (JSON,
/// version, time), and, for grains that describe themselves, the live summary of the activation (this activates
/// the grain; ?live=false reads storage only). Unknown types are a 400 listing the known ones.
/// </summary>
public static class AdminGrainEndpoints
{
    public static void MapAdminGrains(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/grains/{type}/{key}", ReadAsync).AddEndpointFilter<DomainErrorFilter>();

    private static async Task<IResult> ReadAsync(string type, string key, bool? live, GrainStateCatalog catalog, IServiceProvider services, IGrainFactory grains)
    {
        if (catalog.Find(type) is not { } entry)
        {
            return ApiProblems.Field("type", $"unknown grain type '{type}'; known: {string.Join(", ", catalog.TypeNames)}");
        }

        if (entry.CanonicalKey(key) is not { } canonical)
        {
            return ApiProblems.Field("key", $"'{key}' is not a {entry.KeyKind.ToString().ToLowerInvariant()} key, as {type} grains have");
        }

        var grainId = GrainId.Create(type, canonical);
        var stored = new List<StoredState>();
        foreach (var state in entry.States)
        {
            var storage = services.GetKeyedService<IGrainStorage>(state.Storage);
            var record = storage is null ? null : await storage.ReadAsync(grainId, state.Name);
            stored.Add(new StoredState(state.Name, state.Storage, record?.ETag, record?.ModifiedOn,
                record?.Json is { } json ? JsonDocument.Parse(json).RootElement.Clone() : null));
        }

        JsonElement? summary = null;
        if (entry.IsInspectable && live != false)
        {
            summary = JsonDocument.Parse(await grains.GetGrain<IInspectable>(grainId).Inspect()).RootElement.Clone();
        }

        return Results.Ok(new GrainStateResponse(type, canonical, stored, summary));
    }
}
