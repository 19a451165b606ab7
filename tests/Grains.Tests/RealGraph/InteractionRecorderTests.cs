using Recsys.Grains.RealGraph;

namespace Recsys.Grains.Tests.RealGraph;

[Trait("Category", "BVT")]
[Trait("Area", "RealGraph")]
public sealed class InteractionRecorderTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly RealGraphOptions Options = new();

    [Fact]
    public void ACountDecaysBy0955PerElapsedDayWhenRead()
    {
        var state = new RealGraphState();
        InteractionRecorder.Record(state, 7, InteractionType.Favorites, 1, Day0, Options);

        Assert.Equal(Math.Pow(0.955, 10), Favorites(state, Day0.AddDays(10)), 5);
        Assert.Equal(1, Favorites(state, Day0.AddHours(6)), 5); // the same calendar day: no decay yet
    }

    [Fact]
    public void ADailyRollupIsTodaysCountPlusYesterdaysTimes0955()
    {
        var state = new RealGraphState();
        InteractionRecorder.Record(state, 7, InteractionType.Favorites, 1, Day0, Options);
        InteractionRecorder.Record(state, 7, InteractionType.Favorites, 1, Day0, Options);
        InteractionRecorder.Record(state, 7, InteractionType.Favorites, 1, Day0.AddDays(1), Options);

        Assert.Equal(1 + 2 * 0.955, Favorites(state, Day0.AddDays(1)), 5);
    }

    [Fact]
    public void AnEventArrivingLateCountsAsIfItHadArrivedInOrder()
    {
        var inOrder = new RealGraphState();
        InteractionRecorder.Record(inOrder, 7, InteractionType.Replies, 1, Day0, Options);
        InteractionRecorder.Record(inOrder, 7, InteractionType.Replies, 1, Day0.AddDays(5), Options);
        var late = new RealGraphState();
        InteractionRecorder.Record(late, 7, InteractionType.Replies, 1, Day0.AddDays(5), Options);
        InteractionRecorder.Record(late, 7, InteractionType.Replies, 1, Day0, Options);

        Assert.Equal(Feature(inOrder, "num_replies", Day0.AddDays(9)), Feature(late, "num_replies", Day0.AddDays(9)), 5);
        Assert.Equal(2, Feature(late, "num_days", Day0.AddDays(9)));
    }

    [Fact]
    public void NumDaysCountsDistinctActiveDaysOfTheLast30()
    {
        var state = new RealGraphState();
        foreach (var day in new[] { 0, 0, 3, 20 })
        {
            InteractionRecorder.Record(state, 7, InteractionType.TweetClicks, 1, Day0.AddDays(day), Options);
        }

        Assert.Equal(3, Feature(state, "num_days", Day0.AddDays(20))); // days 0 (twice), 3 and 20
        InteractionRecorder.Record(state, 7, InteractionType.TweetClicks, 1, Day0.AddDays(40), Options);
        Assert.Equal(2, Feature(state, "num_days", Day0.AddDays(40))); // the window is days 11-40: days 20 and 40
        Assert.Equal(0, Feature(state, "days_since_last_interaction", Day0.AddDays(40)));
        Assert.Equal(30, Feature(state, "days_since_last_interaction", Day0.AddDays(100)));
    }

    [Fact]
    public void ACountStopsCountingSixtyDaysAfterItsLastOccurrence()
    {
        var state = new RealGraphState();
        InteractionRecorder.Record(state, 7, InteractionType.Follows, 1, Day0, Options);
        InteractionRecorder.Record(state, 7, InteractionType.Favorites, 50, Day0, Options);

        Assert.True(Favorites(state, Day0.AddDays(60)) > 0);
        Assert.Equal(0, Favorites(state, Day0.AddDays(61)));
        InteractionRecorder.Compact(state, Day0.AddDays(61), Options);
        Assert.Empty(state.Edges);
    }

    [Fact]
    public void CompactingDropsOnlyTheCountsThatStoppedCountingAndKeepsTheEdge()
    {
        var state = new RealGraphState();
        InteractionRecorder.Record(state, 7, InteractionType.Favorites, 1, Day0, Options);
        InteractionRecorder.Record(state, 7, InteractionType.Replies, 1, Day0.AddDays(30), Options);

        InteractionRecorder.Compact(state, Day0.AddDays(61), Options);

        var edge = Assert.Single(state.Edges).Value;
        Assert.False(edge.TryGetCount(InteractionType.Favorites, out _));
        Assert.True(edge.TryGetCount(InteractionType.Replies, out var replies));
        Assert.Equal(1f, replies.Ewma, 5); // as of the edge's day, the day of the reply
        Assert.Equal([InteractionType.Replies], edge.Counts.Keys);
    }

    [Fact]
    public void AnEdgeKeepsEveryTypeItSawAndDroppingOneKeepsTheOthers()
    {
        var state = new RealGraphState();
        InteractionRecorder.Record(state, 7, InteractionType.Favorites, 1, Day0.AddDays(30), Options);
        InteractionRecorder.Record(state, 7, InteractionType.Replies, 2, Day0, Options);
        InteractionRecorder.Record(state, 7, InteractionType.Shares, 3, Day0.AddDays(30), Options);
        InteractionRecorder.Record(state, 7, InteractionType.Favorites, 1, Day0.AddDays(30), Options);

        Assert.Equal([InteractionType.Favorites, InteractionType.Replies, InteractionType.Shares], state.Edges[7].Counts.Keys);
        InteractionRecorder.Compact(state, Day0.AddDays(61), Options); // the reply is past the TTL

        var edge = state.Find(7)!.Value;
        Assert.Equal([(InteractionType.Favorites, 2f), (InteractionType.Shares, 3f)], edge.Counts.Select(c => (c.Key, c.Value.Ewma)));
        Assert.Null(state.Find(8)); // no edge is null, not an empty value
    }

    [Fact]
    public void AtMost2000EdgesAreKeptAndAtTheCapTheWeakestTwentiethGoes()
    {
        var state = new RealGraphState();
        for (var id = 1; id <= RealGraphOptions.DefaultMaxEdges; id++)
        {
            InteractionRecorder.Record(state, id, InteractionType.Favorites, id == 1 ? 1 : 2, Day0, Options);
        }

        InteractionRecorder.Record(state, 1_999, InteractionType.Replies, 1, Day0, Options); // a known destination: nothing goes
        Assert.Equal(RealGraphOptions.DefaultMaxEdges, state.Edges.Count);
        InteractionRecorder.Record(state, 5_000, InteractionType.Replies, 3, Day0, Options);

        // 100 go: the smallest total (id 1), then among equal ones the largest ids (1,902-2,000) but 1,999, which is stronger
        Assert.Equal(RealGraphOptions.DefaultMaxEdges - 99, state.Edges.Count);
        Assert.False(state.Edges.ContainsKey(1));
        Assert.True(state.Edges.ContainsKey(5_000));
        Assert.True(state.Edges.ContainsKey(1_999));
        Assert.Equal(Enumerable.Range(1_901, 99).Where(id => id != 1_999).Select(id => (long)id).Append(2_000),
            Enumerable.Range(1_900, 101).Select(id => (long)id).Where(id => !state.Edges.ContainsKey(id)).Order());
    }

    private static double Favorites(RealGraphState state, DateTimeOffset at) => Feature(state, "num_favorites", at);

    private static double Feature(RealGraphState state, string name, DateTimeOffset at)
    {
        var values = new double[RealGraphFeatures.Names.Count];
        RealGraphFeatures.Compute(state.Find(7), RealGraphDay.Of(at), Options, values);
        return values[RealGraphFeatures.Names.ToList().IndexOf(name)];
    }
}
