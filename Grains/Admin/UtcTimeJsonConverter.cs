using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Recsys.Grains.Admin;

/// <summary>
/// Times on the API and in admin summaries: written as ISO-8601 UTC ("2026-03-02T12:00:00Z"); read from ISO-8601 with an offset or
/// "Z", or without one, which is taken as UTC. Anything else is a JSON error naming the field.
/// </summary>
public sealed class UtcTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTime(out var time))
        {
            throw new JsonException("must be an ISO-8601 time such as 2026-03-02T12:00:00Z");
        }

        return new DateTimeOffset(time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime());
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}

