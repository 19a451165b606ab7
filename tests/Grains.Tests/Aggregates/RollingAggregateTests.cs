using System.Text.Json;
using Recsys.Grains.Aggregates;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Tests.Aggregates;

[Trait("Category", "BVT")]
[Trait("Area", "Aggregates")]
public sealed class RollingAggregateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly AggregateSpec Spec = new(AggregateGroupOptions.Of(
        [TimeSpan.FromMinutes(30), TimeSpan.FromDays(1)], [TimeSpan.FromHours(1), TimeSpan.FromHours(24)], TimeSpan.FromHours(1)));

    [Fact]
    public void A_decayed_count_halves_after_each_half_life_while_the_total_stays()
    {
        var aggregate = new RollingAggregate();
        aggregate.Add(Spec, EngagementAction.Like, T0);
        aggregate.Add(Spec, EngagementAction.Like, T0);

        Assert.Equal(2f, aggregate.Decayed(Spec, EngagementAction.Like, 0, T0), 5);
        Assert.Equal(1f, aggregate.Decayed(Spec, EngagementAction.Like, 0, T0.AddMinutes(30)), 5);
        Assert.Equal(0.5f, aggregate.Decayed(Spec, EngagementAction.Like, 0, T0.AddMinutes(60)), 5);
        Assert.Equal(1f, aggregate.Decayed(Spec, EngagementAction.Like, 1, T0.AddDays(1)), 5);
        Assert.Equal(2f, aggregate.Total(EngagementAction.Like));
    }

    [Fact]
    public void A_late_event_is_decayed_to_the_newest_time_as_if_it_had_arrived_in_order()
    {
        var inOrder = new RollingAggregate();
        inOrder.Add(Spec, EngagementAction.Click, T0);
        inOrder.Add(Spec, EngagementAction.Click, T0.AddMinutes(30));
        var late = new RollingAggregate();
        late.Add(Spec, EngagementAction.Click, T0.AddMinutes(30));
        late.Add(Spec, EngagementAction.Click, T0);

        var now = T0.AddHours(2);
        Assert.Equal(inOrder.Decayed(Spec, EngagementAction.Click, 0, now), late.Decayed(Spec, EngagementAction.Click, 0, now), 5);
        Assert.Equal(1.5f * 0.125f, late.Decayed(Spec, EngagementAction.Click, 0, now), 5);
    }

    [Fact]
    public void Window_counts_are_exact_per_bucket_and_events_leave_them_as_the_ring_turns()
    {
        var aggregate = new RollingAggregate();
        aggregate.Add(Spec, EngagementAction.Reply, T0.AddMinutes(5));
        aggregate.Add(Spec, EngagementAction.Reply, T0.AddHours(3));
        aggregate.Add(Spec, EngagementAction.Reply, T0.AddHours(3).AddMinutes(59));

        var now = T0.AddHours(3).AddMinutes(59);
        Assert.Equal(2f, aggregate.WindowCount(Spec, EngagementAction.Reply, 0, now));
        Assert.Equal(3f, aggregate.WindowCount(Spec, EngagementAction.Reply, 1, now));
        Assert.Equal(0f, aggregate.WindowCount(Spec, EngagementAction.Reply, 0, now.AddHours(1)));
        Assert.Equal(2f, aggregate.WindowCount(Spec, EngagementAction.Reply, 1, T0.AddHours(24)));
        Assert.Equal(0f, aggregate.WindowCount(Spec, EngagementAction.Reply, 1, T0.AddHours(28)));
        Assert.Equal(3f, aggregate.Total(EngagementAction.Reply));
    }

    [Fact]
    public void Only_actions_seen_take_space_and_an_idle_aggregate_drops_its_ring()
    {
        var aggregate = new RollingAggregate();
        Assert.True(aggregate.IsEmpty);
        aggregate.Add(Spec, EngagementAction.Like, T0);
        aggregate.Add(Spec, EngagementAction.Like, T0.AddHours(2));

        var counter = Assert.Single(aggregate.Actions);
        Assert.Equal(3, counter.Recent.Length); // newest bucket first, only as long as needed
        aggregate.Compact(Spec, T0.AddDays(2));
        var compacted = Assert.Single(aggregate.Actions); // a counter is a value: read it again
        Assert.Empty(compacted.Recent);
        Assert.Equal(2f, compacted.Total);
    }

    [Fact]
    public void An_aggregate_survives_a_json_round_trip_as_grain_state()
    {
        var aggregate = new RollingAggregate();
        aggregate.Add(Spec, EngagementAction.ProfileClick, T0);
        aggregate.Add(Spec, EngagementAction.Like, T0.AddMinutes(10), 2f);

        var json = JsonSerializer.Serialize(aggregate, JsonSerializerOptions.Web);
        var back = JsonSerializer.Deserialize<RollingAggregate>(json, JsonSerializerOptions.Web)!;

        Assert.Contains("\"profile_click\"", json);
        Assert.Equal(aggregate.Read(Spec, T0.AddHours(1)), back.Read(Spec, T0.AddHours(1)), new ViewComparer());
    }

    [Fact]
    public void A_stored_single_action_reads_back_and_takes_more_actions_after_it()
    {
        var aggregate = new RollingAggregate();
        aggregate.Add(Spec, EngagementAction.Like, T0);
        aggregate.Add(Spec, EngagementAction.Like, T0.AddHours(1));

        var back = JsonSerializer.Deserialize<RollingAggregate>(JsonSerializer.Serialize(aggregate, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;
        back.Add(Spec, EngagementAction.Reply, T0.AddHours(2));
        back.Add(Spec, EngagementAction.Like, T0.AddHours(2));

        Assert.Equal([(EngagementAction.Like, 3f), (EngagementAction.Reply, 1f)], back.Actions.Select(a => (a.Action, a.Total)));
        Assert.Equal((3f, 1f), (back.WindowCount(Spec, EngagementAction.Like, 1, T0.AddHours(2)), back.WindowCount(Spec, EngagementAction.Reply, 1, T0.AddHours(2))));
    }

    [Fact]
    public void A_group_whose_windows_are_not_whole_buckets_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new AggregateSpec(AggregateGroupOptions.Of([TimeSpan.FromHours(1)], [TimeSpan.FromMinutes(90)], TimeSpan.FromHours(1))));
        Assert.Throws<ArgumentException>(() => new AggregateSpec(AggregateGroupOptions.Of([TimeSpan.Zero], [], TimeSpan.FromHours(1))));
    }

    [Fact]
    public void A_group_has_at_most_five_half_lives_and_a_five_half_life_counter_decays_each()
    {
        var six = Enumerable.Range(1, 6).Select(d => TimeSpan.FromDays(d)).ToArray();
        var error = Assert.Throws<ArgumentException>(() => new AggregateSpec(AggregateGroupOptions.Of(six, [], TimeSpan.FromHours(1))));
        Assert.Contains("at most 5 half-lives", error.Message);

        var five = new AggregateSpec(AggregateGroupOptions.Of(six[..5], [], TimeSpan.FromHours(1)));
        var aggregate = new RollingAggregate();
        aggregate.Add(five, EngagementAction.Like, T0);
        aggregate.Add(five, EngagementAction.Like, T0.AddDays(1));

        // One day later the first like weighs 2^(-1/d) for a d-day half-life, on top of the second.
        Assert.Equal(Enumerable.Range(1, 5).Select(d => 1f + (float)Math.Pow(2, -1d / d)), Assert.Single(aggregate.Actions).Decayed, new FloatComparer());
        Assert.Equal(1f + 0.5f, aggregate.Decayed(five, EngagementAction.Like, 0, T0.AddDays(1)), 5);
    }

    [Fact]
    public void A_counter_keeps_its_decayed_values_inline_and_hands_out_copies()
    {
        var counter = new ActionCounter { Decayed = [1f, 2f, 3f] };

        var read = counter.Decayed;
        read[0] = 99f;

        Assert.Equal([1f, 2f, 3f], counter.Decayed);
        Assert.Empty(new ActionCounter().Decayed);
    }

    [Fact]
    public void The_ring_kept_in_place_counts_exactly_what_a_list_of_every_event_counts()
    {
        // Hours in any order, some far enough back to fall off the ring, some far enough ahead to restart it: every
        // shift, growth and clearing of the ring in place. The model keeps every event; the ring keeps the 24 hours up
        // to the newest bucket seen.
        var random = new Random(7);
        var aggregate = new RollingAggregate();
        var events = new List<(long Bucket, float Weight)>();
        for (var i = 0; i < 400; i++)
        {
            var at = T0.AddMinutes(random.Next(0, 90 * 60) + (i > 300 ? 200 * 60 : 0));
            var weight = random.Next(1, 4);
            aggregate.Add(Spec, EngagementAction.Like, at, weight);
            events.Add((Spec.BucketOf(at), weight));
            var head = events.Max(e => e.Bucket);
            foreach (var now in new[] { head, head + 1, head + 23 })
            {
                for (var w = 0; w < Spec.WindowBuckets.Length; w++)
                {
                    var expected = events.Where(e => e.Bucket > head - Spec.RingBuckets && e.Bucket > now - Spec.WindowBuckets[w] && e.Bucket <= now).Sum(e => e.Weight);
                    Assert.Equal(expected, aggregate.WindowCount(Spec, EngagementAction.Like, w, new DateTimeOffset(now * Spec.BucketTicks, TimeSpan.Zero)));
                }
            }
        }

        var stored = Assert.Single(aggregate.Actions).Recent;
        Assert.InRange(stored.Length, 1, Spec.RingBuckets); // the stored form is the ring's length, never the spare room
        var back = JsonSerializer.Deserialize<RollingAggregate>(JsonSerializer.Serialize(aggregate, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!;
        var later = T0.AddHours(220);
        Assert.Equal(aggregate.Read(Spec, later), back.Read(Spec, later), new ViewComparer());
    }

    [Fact]
    public void New_action_types_keep_the_order_first_seen_and_every_change_moves_the_version()
    {
        var aggregate = new RollingAggregate();
        EngagementAction[] actions = [EngagementAction.Like, EngagementAction.Reply, EngagementAction.Repost, EngagementAction.Click, EngagementAction.Dwell, EngagementAction.ProfileClick];
        var versions = new List<int> { aggregate.Version };
        foreach (var action in actions.Concat(actions))
        {
            aggregate.Add(Spec, action, T0);
            versions.Add(aggregate.Version);
        }

        Assert.Equal(actions, aggregate.Actions.Select(a => a.Action));
        Assert.All(aggregate.Actions, a => Assert.Equal(2f, a.Total));
        Assert.Equal(versions.Count, versions.Distinct().Count());

        var version = aggregate.Version;
        aggregate.Compact(Spec, T0.AddDays(3));
        Assert.NotEqual(version, aggregate.Version);
        Assert.Equal(actions.Length, aggregate.Counters.Length);
    }

    private sealed class FloatComparer : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) < 1e-5f;

        public int GetHashCode(float obj) => 0;
    }

    private sealed class ViewComparer : IEqualityComparer<Interfaces.Aggregates.AggregateView>
    {
        public bool Equals(Interfaces.Aggregates.AggregateView? x, Interfaces.Aggregates.AggregateView? y) =>
            JsonSerializer.Serialize(x) == JsonSerializer.Serialize(y);

        public int GetHashCode(Interfaces.Aggregates.AggregateView obj) => 0;
    }
}
