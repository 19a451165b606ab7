using System.Text.Json;
using System.Text.Json.Serialization;

namespace Recsys.Grains.Admin;

/// <summary>The JSON form of the admin view's live summaries: camelCase, enums as strings, like stored state.</summary>
public static class InspectJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new UtcTimeJsonConverter() },
    };
}
