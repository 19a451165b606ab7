using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Recsys.Grains.Admin;

namespace Recsys.Silo.Api;

/// <summary>The API's JSON: camelCase names, enums as camelCase strings (engagement actions keep their snake_case names), times ISO-8601 UTC.</summary>
public static class ApiJson
{
    public static void Configure(JsonOptions options) => Apply(options.SerializerOptions);

    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new UtcTimeJsonConverter());
        return options;
    }

    /// <summary>The same settings, for tests and tools that talk to the API.</summary>
    public static JsonSerializerOptions Options { get; } = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
