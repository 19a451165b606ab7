using System.Text.Json;
using System.Text.Json.Serialization;

namespace Recsys.Runtime.Serialization;

/// <summary>
/// Lets a grain reference live in JSON (grain state, call arguments): it is written as its grain id, "type/key",
/// and read back as a reference of the declared grain interface. References hold no location, so nothing else is needed.
/// </summary>
public sealed class GrainReferenceJsonConverter : JsonConverterFactory
{
    private readonly Lazy<IGrainFactory> _factory;

    public GrainReferenceJsonConverter(IGrainFactory factory) => _factory = new Lazy<IGrainFactory>(factory);

    /// <summary>Resolves the factory on first use: the factory's own transport depends on these serializer options.</summary>
    public GrainReferenceJsonConverter(Func<IGrainFactory> factory) => _factory = new Lazy<IGrainFactory>(factory);

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsInterface && typeof(IGrain).IsAssignableFrom(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ReferenceConverter<>).MakeGenericType(typeToConvert), _factory.Value)!;

    private sealed class ReferenceConverter<TInterface> : JsonConverter<TInterface>
        where TInterface : class, IGrain
    {
        private readonly IGrainFactory _factory;

        public ReferenceConverter(IGrainFactory factory) => _factory = factory;

        public override TInterface? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            var text = reader.GetString() ?? throw new JsonException("A grain reference must be a \"type/key\" string.");
            return (TInterface)_factory.GetGrain(typeof(TInterface), GrainId.Parse(text));
        }

        public override void Write(Utf8JsonWriter writer, TInterface value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.GetGrainId().ToString());
    }
}
