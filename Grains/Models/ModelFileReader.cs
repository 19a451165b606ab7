using System.Text.Json;
using System.Text.Json.Serialization;

namespace Recsys.Grains.Models;

/// <summary>
/// Reads a model file from JSON text and checks it with <see cref="ModelFileRules"/>: anything malformed is a
/// <see cref="ModelFileException"/> naming the origin and the first problem, never a half-read model.
/// </summary>
public static class ModelFileReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private static readonly JsonSerializerOptions Indented = new(Json) { WriteIndented = true };

    public static ModelFile Parse(string json, string origin)
    {
        Dto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<Dto>(json, Json);
        }
        catch (JsonException exception)
        {
            throw new ModelFileException(origin, $"not a model file: {exception.Message}");
        }

        var model = dto is null ? throw new ModelFileException(origin, "empty") : ToModel(dto, origin);
        ModelFileRules.Check(model, origin);
        return model;
    }

    /// <summary>The canonical JSON of a model (what the registry stores and serves).</summary>
    public static string Write(ModelFile model) => JsonSerializer.Serialize(model, Indented);

    private static ModelFile ToModel(Dto dto, string origin) => new(
        dto.Format ?? throw Missing(origin, "format"),
        dto.Name ?? throw Missing(origin, "name"),
        dto.Version ?? throw Missing(origin, "version"),
        dto.Description ?? "",
        (dto.Heads ?? throw Missing(origin, "heads")).Select((h, i) => new ModelHead(
            h.Name ?? throw Missing(origin, $"heads[{i}].name"),
            h.Kind ?? throw Missing(origin, $"heads[{i}].kind"),
            h.Intercept is { Weight: { } weight } intercept ? new ModelTerm(weight, intercept.Reason ?? "") : throw Missing(origin, $"heads[{i}].intercept.weight"),
            (h.Coefficients ?? []).Select((c, j) => new ModelCoefficient(
                c.Feature ?? throw Missing(origin, $"heads[{i}].coefficients[{j}].feature"),
                c.Weight ?? throw Missing(origin, $"heads[{i}].coefficients[{j}].weight"),
                c.Transform ?? FeatureTransform.Linear,
                c.Reason ?? "")).ToArray())).ToArray());

    private static ModelFileException Missing(string origin, string field) => new(origin, $"{field} is required");

    private sealed record Dto(int? Format, string? Name, string? Version, string? Description, List<HeadDto>? Heads);

    private sealed record HeadDto(string? Name, HeadKind? Kind, TermDto? Intercept, List<CoefficientDto>? Coefficients);

    private sealed record TermDto(double? Weight, string? Reason);

    private sealed record CoefficientDto(string? Feature, double? Weight, FeatureTransform? Transform, string? Reason);
}
