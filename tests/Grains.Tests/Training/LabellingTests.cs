using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Ranking.Models;
using Recsys.Grains.Training.Labels;
using Recsys.Grains.Training.Learning;
using static Recsys.Grains.Tests.Training.TrainingData;

namespace Recsys.Grains.Tests.Training;

[Trait("Category", "BVT")]
[Trait("Area", "Training")]
public sealed class LabellingTests
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);
    private static readonly DateTimeOffset Later = Start.AddDays(3);

    [Fact]
    public void Only_the_viewers_own_engagements_with_the_post_inside_24_hours_after_serving_label_it()
    {
        var served = new[] { Served(1, 10), Served(1, 11), Served(1, 12), Served(1, 13) };
        var engagements = new[]
        {
            Engagement(1, EngagementAction.Like, post: 10, at: Start.AddHours(23)), // inside the window
            Engagement(1, EngagementAction.Like, post: 11, at: Start.AddHours(25)), // too late
            Engagement(1, EngagementAction.Like, post: 12, at: Start.AddMinutes(-1)), // before it was served
            Engagement(2, EngagementAction.Like, post: 13), // someone else
        };

        var examples = ServedItemLabeller.Label(served, engagements, Day, Later);

        Assert.Equal([true, false, false, false], examples.Select(e => e.Labels[(int)RankingHead.Fav]));
    }

    [Fact]
    public void Items_whose_window_has_not_closed_wait_and_a_post_served_twice_counts_once()
    {
        var served = new[] { Served(1, 10), Served(1, 10, at: Start.AddHours(1)), Served(1, 11, at: Later.AddHours(-2)) };

        var examples = ServedItemLabeller.Label(served, [Engagement(1, EngagementAction.Like, post: 10)], Day, Later);

        var only = Assert.Single(examples);
        Assert.Equal((10L, Start), (only.Item.PostId, only.Item.ServedAt));
        Assert.True(only.Labels[(int)RankingHead.Fav]);
    }

    [Fact]
    public void Engagement_types_map_to_the_heads_they_stand_for()
    {
        Assert.Equal([RankingHead.Repost], Heads(Engagement(1, EngagementAction.Quote, post: 10)));
        Assert.Equal([RankingHead.Reply], Heads(Engagement(1, EngagementAction.Reply, post: 10)));
        Assert.Equal([RankingHead.GoodProfileClick], Heads(Engagement(1, EngagementAction.ProfileClick, target: 100)));
        Assert.Equal([RankingHead.VideoPlayback50], Heads(Engagement(1, EngagementAction.VideoView, post: 10, value: 0.5)));
        Assert.Empty(Heads(Engagement(1, EngagementAction.VideoView, post: 10, value: 0.49)));
        Assert.Empty(Heads(Engagement(1, EngagementAction.Click, post: 10)));
        Assert.Equal([RankingHead.Fav, RankingHead.GoodClick],
            Heads(Engagement(1, EngagementAction.Click, post: 10), Engagement(1, EngagementAction.Like, post: 10)));
        Assert.Equal([RankingHead.GoodClickV2],
            Heads(Engagement(1, EngagementAction.Click, post: 10), Engagement(1, EngagementAction.Dwell, post: 10, value: 120_000)));
        Assert.Equal([RankingHead.NegativeFeedback], Heads(Engagement(1, EngagementAction.Block, target: 100)));
        Assert.Equal([RankingHead.NegativeFeedback], Heads(Engagement(1, EngagementAction.NotInterested, post: 10)));
        Assert.Equal([RankingHead.Report], Heads(Engagement(1, EngagementAction.Report, post: 10)));
        Assert.False(HeadLabelRules.HasLabelSource(RankingHead.ReplyEngagedByAuthor));
    }

    [Fact]
    public void The_split_trains_on_the_earlier_part_and_keeps_one_instant_on_one_side()
    {
        var examples = Enumerable.Range(0, 10)
            .Select(i => new LabelledExample(Served(1, i, at: Start.AddMinutes(i < 8 ? i : 6)), new bool[RankingHeads.Count]))
            .Reverse().ToArray(); // items 6, 8 and 9 share one instant

        var (train, test, cut) = TimeSplit.Split(examples, 0.7);

        Assert.Equal(Start.AddMinutes(6), cut);
        Assert.Equal([0L, 1, 2, 3, 4, 5], train.Select(e => e.Item.PostId).Order());
        Assert.Equal([6L, 7, 8, 9], test.Select(e => e.Item.PostId).Order());
        Assert.True(train.Max(e => e.Item.ServedAt) < test.Min(e => e.Item.ServedAt));
    }

    private static RankingHead[] Heads(params LoggedEngagement[] engagements)
    {
        var labels = ServedItemLabeller.Label([Served(1, 10)], engagements, Day, Later).Single().Labels;
        return Enumerable.Range(0, RankingHeads.Count).Where(h => labels[h]).Select(h => (RankingHead)h).ToArray();
    }
}
