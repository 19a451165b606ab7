using Recsys.Grains.Aggregates;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Tests.Aggregates;

[Trait("Category", "BVT")]
[Trait("Area", "Aggregates")]
public sealed class PairAggregatesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly AggregateSpec Spec = new(AggregateGroupOptions.Of([TimeSpan.FromDays(14)], [], TimeSpan.FromHours(1)));

    [Fact]
    public void The_least_engaged_author_is_dropped_when_the_bound_is_reached()
    {
        var pairs = new PairAggregates();
        pairs.Add(Spec, 1, EngagementAction.Like, T0, max: 2);
        pairs.Add(Spec, 1, EngagementAction.Like, T0, max: 2);
        pairs.Add(Spec, 2, EngagementAction.Click, T0, max: 2);
        pairs.Add(Spec, 3, EngagementAction.Reply, T0, max: 2);

        Assert.Equal([1L, 3L], pairs.Authors.Keys.Order());
        Assert.Equal(1L, pairs.Top(Spec, T0, 1).Single().AuthorId);
    }

    [Fact]
    public void At_the_bound_the_least_engaged_twentieth_is_dropped_at_once()
    {
        var pairs = new PairAggregates();
        for (var author = 1; author <= 40; author++)
        {
            for (var like = 0; like < (author is 7 or 30 ? 1 : 2); like++)
            {
                pairs.Add(Spec, author, EngagementAction.Like, T0, max: 40);
            }
        }

        pairs.Add(Spec, 41, EngagementAction.Like, T0, max: 40);

        Assert.Equal(39, pairs.Authors.Count);
        Assert.DoesNotContain(7L, pairs.Authors.Keys);
        Assert.DoesNotContain(30L, pairs.Authors.Keys);
        Assert.Contains(41L, pairs.Authors.Keys);
    }

    [Fact]
    public void Affinity_counts_positive_engagements_only()
    {
        var pair = new RollingAggregate();
        pair.Add(Spec, EngagementAction.Impression, T0);
        pair.Add(Spec, EngagementAction.NotInterested, T0);
        pair.Add(Spec, EngagementAction.Like, T0);

        Assert.Equal(1f, EngagementSignals.Affinity(pair, Spec, T0), 5);
    }
}
