using System.Text.Json;
using Recsys.Grains.RealGraph;
using Recsys.Grains.Tests.Support;

namespace Recsys.Grains.Tests.RealGraph;

/// <summary>The stored form of a RealGraph: a map of counts by type per edge, as files written before issue 6's compact edges hold it.</summary>
[Trait("Category", "BVT")]
[Trait("Area", "RealGraph")]
public sealed class RealGraphStateJsonTests
{
    // Written by the dictionary-backed edge of 9ce17ff: the format every stored user state has.
    private const string Stored =
        """{"edges":{"7":{"d":739679,"a":5,"l":739679,"c":{"favorites":{"e":2.5,"l":739679},"replies":{"e":1,"l":739677}}}}}""";

    private static readonly JsonSerializerOptions Json = StoredJson.Options;

    [Fact]
    public void AStateWrittenAsAMapOfCountsReadsBackAndWritesTheSameJson()
    {
        var state = JsonSerializer.Deserialize<RealGraphState>(Stored, Json)!;

        var edge = state.Edges[7];
        Assert.True(edge.TryGetCount(InteractionType.Favorites, out var favorites));
        Assert.Equal((2.5f, 739679), (favorites.Ewma, favorites.LastDay));
        Assert.True(edge.TryGetCount(InteractionType.Replies, out var replies));
        Assert.Equal((1f, 739677), (replies.Ewma, replies.LastDay));
        Assert.False(edge.TryGetCount(InteractionType.Follows, out _));
        Assert.Equal(Stored, JsonSerializer.Serialize(state, Json));
    }

    [Fact]
    public void RecordedCountsAreWrittenAsAMapByType()
    {
        var state = new RealGraphState();
        var day = new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
        InteractionRecorder.Record(state, 7, InteractionType.Replies, 1, day, new RealGraphOptions());
        InteractionRecorder.Record(state, 7, InteractionType.Favorites, 2, day, new RealGraphOptions());
        InteractionRecorder.Record(state, 7, InteractionType.Replies, 1, day, new RealGraphOptions());

        var counts = JsonSerializer.Deserialize<RealGraphState>(JsonSerializer.Serialize(state, Json), Json)!.Edges[7].Counts;

        Assert.Equal([InteractionType.Replies, InteractionType.Favorites], counts.Keys);
        Assert.Equal([2f, 2f], counts.Values.Select(c => c.Ewma));
    }
}
