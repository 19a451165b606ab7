using System.Text.Json;

namespace Recsys.Silo.Api;

/// <summary>Parses API times given as strings (where a bad time rejects one item, not the request).</summary>
public static class ApiTime
{
    public static DateTimeOffset ToUtc(DateTime time) => new(time.Kind switch
    {
        DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        _ => time.ToUniversalTime(),
    });

    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(text)));
        reader.Read();
        if (!reader.TryGetDateTime(out var parsed))
        {
            return false;
        }

        time = ToUtc(parsed);
        return true;
    }
}
