using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Recsys.Silo.Api;

/// <summary>Reads a JSON request body; malformed JSON or a missing body becomes a 400 naming the field, never an exception.</summary>
public static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, request.HttpContext.RequestAborted);
            return value is null ? (null, ApiProblems.Field("body", "a JSON body is required")) : (value, null);
        }
        catch (JsonException exception)
        {
            return (null, ApiProblems.MalformedJson(exception));
        }
    }
}
