using Recsys.Grains.Collections;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Aggregates;

/// <summary>
/// One user's aggregates per author engaged with (the user-author aggregate groups, and RealGraph's edge inputs),
/// bounded: when a new author arrives and <c>max</c> authors are kept, those with the least decayed engagement of any
/// kind are dropped, a twentieth of them at once (<see cref="WeakestEviction"/>).
/// </summary>
public sealed class PairAggregates
{
    public Dictionary<long, RollingAggregate> Authors { get; set; } = [];

    public void Add(AggregateSpec spec, long authorId, EngagementAction action, DateTimeOffset at, int max)
    {
        if (!Authors.TryGetValue(authorId, out var aggregate))
        {
            if (Authors.Count >= max)
            {
                MakeRoom(spec, at, max);
            }

            aggregate = new RollingAggregate();
            Authors[authorId] = aggregate;
        }

        aggregate.Add(spec, action, at);
    }

    public RollingAggregate? Get(long authorId) => Authors.GetValueOrDefault(authorId);

    /// <summary>The authors with the most decayed engagement of any kind, most first.</summary>
    public IEnumerable<(long AuthorId, RollingAggregate Aggregate, float Weight)> Top(AggregateSpec spec, DateTimeOffset now, int count) =>
        Authors.Select(p => (p.Key, p.Value, Weight(spec, p.Value, now)))
            .OrderByDescending(p => p.Item3).ThenBy(p => p.Key).Take(count);

    // Its own method: the lambda's captures would otherwise be allocated on every call of Add.
    private void MakeRoom(AggregateSpec spec, DateTimeOffset now, int max) =>
        WeakestEviction.MakeRoom(Authors, max, (id, kept) => (Weight(spec, kept, now), id));

    private static float Weight(AggregateSpec spec, RollingAggregate aggregate, DateTimeOffset now)
    {
        var longest = spec.HalfLifeTicks.Length - 1;
        var sum = 0f;
        foreach (ref readonly var counter in aggregate.Counters)
        {
            sum += longest < 0 ? counter.Total : counter.DecayedNow(spec, longest, now.UtcTicks);
        }

        return sum;
    }
}
