using System.Text.Json;
using Recsys.Grains.Tests.Support;
using Recsys.Grains.Users;

namespace Recsys.Grains.Tests.Users;

/// <summary>
/// The stored form of a user's social graph did not change when its id-to-time maps started to be made only on the
/// first write (issue 6): state written before reads back, keeps changing, and writes the same JSON.
/// </summary>
[Trait("Category", "BVT")]
[Trait("Area", "Users")]
public sealed class SocialGraphJsonTests
{
    // Written by cbe2868 (every map a dictionary from the start): one follow, one unfollow, one report; the rest empty.
    private const string Stored =
        """{"follows":{"present":{"5":100},"removed":{"6":300},"count":1},"blocks":{"present":{},"removed":{},"count":0},"mutes":{"present":{},"removed":{},"count":0},"reports":{"7":200},"mutedWords":[],"followedTopics":[],"contacts":[]}""";

    private static readonly JsonSerializerOptions Json = StoredJson.Options;

    [Fact]
    public void The_same_graph_writes_the_json_stored_before()
    {
        Assert.Equal(Stored, JsonSerializer.Serialize(Sample(), Json));
    }

    [Fact]
    public void A_stored_graph_reads_back_and_keeps_its_rules()
    {
        var graph = JsonSerializer.Deserialize<SocialGraph>(Stored, Json)!;

        Assert.True(graph.Follows.Contains(5));
        Assert.False(graph.Follows.Add(6, 100)); // removed at 300: an older follow stays undone
        Assert.True(graph.Follows.Add(6, 400));
        Assert.True(graph.Blocks.Add(8, 500));
        Assert.Equal([5L, 6L], graph.Follows.Present.Keys.Order());
        Assert.Equal(500L, graph.Blocks.Present[8]);
        Assert.Equal(200L, graph.Reports[7]);
        Assert.Equal(Stored, JsonSerializer.Serialize(Sample(), Json));
    }

    [Fact]
    public void Empty_maps_are_one_shared_read_only_map_until_written()
    {
        var (first, second) = (new SocialGraph(), new SocialGraph());

        Assert.Same(first.Mutes.Present, second.Blocks.Removed);
        Assert.Same(first.Reports, new FeedbackFatigue().Authors);
        first.Mutes.Add(3, 10);
        Assert.Empty(second.Mutes.Present);
        Assert.Equal(10L, first.Mutes.Present[3]);
    }

    private static SocialGraph Sample()
    {
        var graph = new SocialGraph();
        graph.Follows.Add(5, 100);
        graph.Follows.Add(6, 200);
        graph.Follows.Remove(6, 300, maxRemembered: 10);
        graph.AddReport(7, 200, maxRemembered: 10);
        return graph;
    }
}
