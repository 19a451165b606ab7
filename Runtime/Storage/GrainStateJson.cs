using System.Text.Json;
using System.Text.Json.Serialization;

namespace Recsys.Runtime.Storage;

/// <summary>The JSON form of grain state: camelCase, enums as strings, readable by an admin.</summary>
public sealed class GrainStateJson
{
    public GrainStateJson(IEnumerable<JsonConverter> converters)
    {
        Options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = false,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        Options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        foreach (var converter in converters)
        {
            Options.Converters.Add(converter);
        }
    }

    public JsonSerializerOptions Options { get; }
}
