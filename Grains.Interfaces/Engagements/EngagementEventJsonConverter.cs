using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Recsys.Grains.Interfaces.Engagements;

/// <summary>
/// <see cref="EngagementEvent"/>'s JSON, read and written by hand: the camelCase object the serializer made of the
/// record, nulls written, absent members read as their defaults (the validator then names what is missing), names
/// matched ignoring case as the web defaults do, unknown members skipped.
/// </summary>
/// <remarks>
/// Issue 6: every ingested event crosses the gateway in this form. The serializer builds a record through its
/// constructor parameters by collecting the arguments as objects first, a box per value and an argument state per
/// event: 4% of the bytes the ingest benchmark allocated, and most of the gateway's decoding.
/// </remarks>
public sealed class EngagementEventJsonConverter : JsonConverter<EngagementEvent>
{
    public override EngagementEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"An engagement must be a JSON object, not {reader.TokenType}.");
        }

        string? id = null;
        long userId = 0;
        EngagementAction action = default;
        long? postId = null, targetUserId = null;
        DateTimeOffset time = default;
        double? value = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var member = MemberOf(ref reader);
            reader.Read();
            switch (member)
            {
                case Member.Id:
                    id = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
                    break;
                case Member.UserId:
                    userId = reader.GetInt64();
                    break;
                case Member.Action:
                    action = ReadAction(ref reader);
                    break;
                case Member.PostId:
                    postId = ReadNullableId(ref reader);
                    break;
                case Member.TargetUserId:
                    targetUserId = ReadNullableId(ref reader);
                    break;
                case Member.Time:
                    time = reader.GetDateTimeOffset();
                    break;
                case Member.Value:
                    value = ReadValue(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new EngagementEvent(id!, userId, action, postId, targetUserId, time, value);
    }

    public override void Write(Utf8JsonWriter writer, EngagementEvent value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, value.Id);
        writer.WriteNumber("userId"u8, value.UserId);
        writer.WriteString("action"u8, value.Action.Name());
        WriteNullable(writer, "postId"u8, value.PostId);
        WriteNullable(writer, "targetUserId"u8, value.TargetUserId);
        writer.WriteString("time"u8, value.Time);
        if (value.Value is not { } number)
        {
            writer.WriteNull("value"u8);
        }
        else if (double.IsFinite(number))
        {
            writer.WriteNumber("value"u8, number);
        }
        else
        {
            writer.WriteString("value"u8, number.ToString(CultureInfo.InvariantCulture)); // "NaN", as the serializer's named literals
        }

        writer.WriteEndObject();
    }

    private enum Member
    {
        Unknown,
        Id,
        UserId,
        Action,
        PostId,
        TargetUserId,
        Time,
        Value,
    }

    private static Member MemberOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("id"u8) ? Member.Id
        : reader.ValueTextEquals("userId"u8) ? Member.UserId
        : reader.ValueTextEquals("action"u8) ? Member.Action
        : reader.ValueTextEquals("postId"u8) ? Member.PostId
        : reader.ValueTextEquals("targetUserId"u8) ? Member.TargetUserId
        : reader.ValueTextEquals("time"u8) ? Member.Time
        : reader.ValueTextEquals("value"u8) ? Member.Value
        : reader.GetString() switch
        {
            var n when "id".Equals(n, StringComparison.OrdinalIgnoreCase) => Member.Id,
            var n when "userId".Equals(n, StringComparison.OrdinalIgnoreCase) => Member.UserId,
            var n when "action".Equals(n, StringComparison.OrdinalIgnoreCase) => Member.Action,
            var n when "postId".Equals(n, StringComparison.OrdinalIgnoreCase) => Member.PostId,
            var n when "targetUserId".Equals(n, StringComparison.OrdinalIgnoreCase) => Member.TargetUserId,
            var n when "time".Equals(n, StringComparison.OrdinalIgnoreCase) => Member.Time,
            var n when "value".Equals(n, StringComparison.OrdinalIgnoreCase) => Member.Value,
            _ => Member.Unknown,
        };

    private static long? ReadNullableId(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64();

    private static EngagementAction ReadAction(ref Utf8JsonReader reader)
    {
        var name = reader.GetString();
        return EngagementActionNames.TryParse(name, out var action) ? action : throw new JsonException($"'{name}' is not an engagement action.");
    }

    // A number, null, or one of the named literals ("NaN", "Infinity", "-Infinity") the wire options allow.
    private static double? ReadValue(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String when reader.GetString() is "NaN" or "Infinity" or "-Infinity" && double.TryParse(reader.GetString(), CultureInfo.InvariantCulture, out var named) => named,
        _ => reader.GetDouble(),
    };

    private static void WriteNullable(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
