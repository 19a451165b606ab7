using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Recsys.Runtime.Storage;

/// <summary>
/// The JSON form of grain state and of grain call arguments on the wire: camelCase, enums as strings, readable by
/// an admin. Source-generated contexts registered as <see cref="IJsonTypeInfoResolver"/> are asked first;
/// reflection serves the rest.
/// </summary>
public sealed class GrainStateJson
{
    public GrainStateJson(IEnumerable<JsonConverter> converters, IEnumerable<IJsonTypeInfoResolver> resolvers)
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

        foreach (var resolver in resolvers)
        {
            Options.TypeInfoResolverChain.Add(resolver);
        }

        Options.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());
        Options.MakeReadOnly();
    }

    public JsonSerializerOptions Options { get; }
}
