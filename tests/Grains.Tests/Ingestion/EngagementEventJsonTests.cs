using System.Text.Json;
using System.Text.Json.Serialization;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Tests.Support;

namespace Recsys.Grains.Tests.Ingestion;

/// <summary>
/// An engagement's hand-written JSON is the form the serializer made of the record before (pinned below), and reads
/// back everything it writes, the way the wire's options would: names in any case, absent members as defaults.
/// </summary>
[Trait("Category", "BVT")]
[Trait("Area", "Ingestion")]
public sealed class EngagementEventJsonTests
{
    private static readonly JsonSerializerOptions Wire = StoredJson.Options;

    [Fact]
    public void An_event_is_written_as_the_serializer_wrote_the_record_and_reads_back_equal()
    {
        var dwell = new EngagementEvent("e-1 \"q\" é", 7, EngagementAction.ProfileClick, 11, null, new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.FromHours(2)), 1234.5);

        var json = JsonSerializer.Serialize(dwell, Wire);

        Assert.Equal(
            "{\"id\":\"e-1 \\u0022q\\u0022 \\u00E9\",\"userId\":7,\"action\":\"profile_click\",\"postId\":11,\"targetUserId\":null,\"time\":\"2026-03-02T12:00:00+02:00\",\"value\":1234.5}",
            json);
        Assert.Equal(dwell, JsonSerializer.Deserialize<EngagementEvent>(json, Wire));
        Assert.Equal(json, JsonSerializer.Serialize(dwell, ReflectionOnly()));
    }

    [Fact]
    public void Names_in_any_case_unknown_members_and_absent_ones_read_as_the_serializer_read_them()
    {
        var json = "{\"UserId\":3,\"ACTION\":\"follow\",\"targetUserId\":4,\"extra\":{\"a\":[1,2]},\"time\":\"2026-03-02T12:00:00Z\",\"value\":\"NaN\"}";

        var read = JsonSerializer.Deserialize<EngagementEvent>(json, Wire)!;

        Assert.Equal(JsonSerializer.Deserialize<EngagementEvent>(json, ReflectionOnly()), read);
        Assert.Null(read.Id); // the validator names it: "events[i].id must be 1-64 characters"
        Assert.Equal((3L, EngagementAction.Follow, (long?)null, (long?)4), (read.UserId, read.Action, read.PostId, read.TargetUserId));
        Assert.True(double.IsNaN(read.Value!.Value));
    }

    [Fact]
    public void An_unknown_action_is_a_json_error()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<EngagementEvent>("{\"id\":\"x\",\"action\":\"poke\"}", Wire));
    }

    // The wire's options with the record's own converter taken away: what the serializer did before it.
    private static JsonSerializerOptions ReflectionOnly()
    {
        var options = new JsonSerializerOptions(Wire);
        options.Converters.Insert(0, new ReflectionConverterFactory());
        return options;
    }

    // Serializes EngagementEvent with a contract built by reflection, ignoring its [JsonConverter] attribute.
    private sealed class ReflectionConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(EngagementEvent);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) => new Plain();

        private sealed class Plain : JsonConverter<EngagementEvent>
        {
            public override EngagementEvent? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
                JsonSerializer.Deserialize<Shape>(ref reader, options) is { } s ? new EngagementEvent(s.Id, s.UserId, s.Action, s.PostId, s.TargetUserId, s.Time, s.Value) : null;

            public override void Write(Utf8JsonWriter writer, EngagementEvent value, JsonSerializerOptions options) =>
                JsonSerializer.Serialize(writer, new Shape(value.Id, value.UserId, value.Action, value.PostId, value.TargetUserId, value.Time, value.Value), options);
        }

        // The record's shape without its converter attribute.
        private sealed record Shape(string Id, long UserId, EngagementAction Action, long? PostId, long? TargetUserId, DateTimeOffset Time, double? Value = null);
    }
}
