using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Models;
using Recsys.Grains.RealGraph;

namespace Recsys.Grains.Tests.RealGraph;

[Trait("Category", "BVT")]
[Trait("Area", "RealGraph")]
public sealed class RealGraphRankingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly RealGraphOptions Options = new();
    private static readonly CompiledHead Head = new ModelCatalog([new ModelSchema(RealGraphOptions.ModelName, RealGraphOptions.HeadName, RealGraphFeatures.Names)])
        .Active(RealGraphOptions.ModelName, RealGraphOptions.HeadName);

    [Fact]
    public void AScoreIsTheLogisticOfTheInterceptPlusTheWeightedTransformedFeatures()
    {
        var state = new RealGraphState();
        InteractionRecorder.Record(state, 2, InteractionType.Favorites, 3, Now, Options);
        InteractionRecorder.Record(state, 2, InteractionType.Replies, 1, Now, Options);

        var (score, terms) = RealGraphRanking.Explain(state.Edges[2], Head, Now, Options);

        var weights = Head.Head.Coefficients.ToDictionary(c => c.Feature, c => c.Weight);
        var logit = Head.Head.Intercept.Weight + weights["num_days"] * 1 + weights["label_types"] * 2
            + weights["num_favorites"] * Math.Log(4) + weights["num_replies"] * Math.Log(2);
        Assert.Equal(1 / (1 + Math.Exp(-logit)), score, 5);
        Assert.Equal(logit, Head.Head.Intercept.Weight + terms.Sum(t => t.Contribution), 5);
        Assert.Equal("realgraph/default-v0#prob_explicit", Head.Id);
    }

    [Fact]
    public void MoreInteractionScoresHigherAndAQuietFollowScoresLow()
    {
        var state = new RealGraphState();
        InteractionRecorder.Record(state, 2, InteractionType.Favorites, 1, Now, Options);
        for (var day = 0; day < 10; day++)
        {
            InteractionRecorder.Record(state, 3, InteractionType.Favorites, 2, Now.AddDays(-day), Options);
            InteractionRecorder.Record(state, 3, InteractionType.Replies, 1, Now.AddDays(-day), Options);
        }

        var top = RealGraphRanking.Top(Candidates(state, quietFollow: 4), Head, Now, Options, 10);

        Assert.Equal([3L, 2L, 4L], top.Select(e => e.UserId));
        Assert.All(top, e => Assert.InRange(e.Score, 0f, 1f));
        Assert.Equal(1 / (1 + Math.Exp(-(-2.6 - 0.04 * 30))), top[2].Score, 5); // no signal in the window: intercept and recency only
        Assert.True(top[2].Followed);
    }

    [Fact]
    public void TheTimelineReadsScoresRescaledTo1Plus197S()
    {
        Assert.Equal(1.0, new RealGraphEdgeScore(1, 0f, true).TimelineWeight);
        Assert.Equal(2.97, new RealGraphEdgeScore(1, 1f, true).TimelineWeight, 6);
        Assert.Equal(1 + 1.97 * 0.5, RealGraphScale.ToTimelineWeight(0.5), 6);
        Assert.Equal(3.5, RealGraphScale.ToTimelineWeight(3.5)); // outside [0, 1]: passed through, as home-mixer does
    }

    [Fact]
    public void RankingKeepsTheTop2000ByActiveDaysThenScore()
    {
        var state = new RealGraphState();
        for (var id = 1; id <= RealGraphOptions.DefaultMaxEdges; id++)
        {
            InteractionRecorder.Record(state, id, InteractionType.Favorites, 5, Now, Options);
        }

        var top = RealGraphRanking.Top(Candidates(state, quietFollow: 9_999), Head, Now, Options, int.MaxValue);

        Assert.Equal(RealGraphOptions.DefaultMaxEdges, top.Count);
        Assert.DoesNotContain(top, e => e.UserId == 9_999); // a follow with no active day ranks last and is cut
    }

    private static IEnumerable<RealGraphRanking.Candidate> Candidates(RealGraphState state, long quietFollow) =>
        state.Edges.Select(e => new RealGraphRanking.Candidate(e.Key, e.Value, false))
            .Append(new RealGraphRanking.Candidate(quietFollow, null, true));
}
