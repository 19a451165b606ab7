using System.Text.Json.Serialization;
using Recsys.Grains.Interfaces.Aggregates;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Aggregates;

/// <summary>
/// Rolling engagement counts of one key (a post, a user as actor or author, a user-author pair), in the shape of
/// Twitter's timelines aggregation framework (algorithm.md section 8): per action, a total, exponentially decayed
/// counts for each half-life of the group, and exact counts over the group's windows from ring buckets. Sparse:
/// only actions seen have an entry. A pure, mutable value that serializes as grain state; the group's
/// <see cref="AggregateSpec"/> is passed in, never stored.
/// </summary>
public sealed class RollingAggregate
{
    // The counters live in _counters[.._count]; the array has room to spare (it doubles), so a new action type is
    // written in place instead of copying every counter into a new array (issue 6: each copy outlived a young
    // collection inside an old grain).
    private ActionCounter[] _counters = [];
    private int _count;

    /// <summary>The stored form: a copy of the counters, in the order their actions were first seen.</summary>
    public ActionCounter[] Actions
    {
        get => Counters.ToArray();
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _counters = value;
            _count = value.Length;
            Version++;
        }
    }

    /// <summary>The counters, to read in place.</summary>
    [JsonIgnore]
    public ReadOnlySpan<ActionCounter> Counters => _counters.AsSpan(0, _count);

    /// <summary>Changes on every event added and every compaction: a reader that derived something from the counters can tell whether it still holds.</summary>
    [JsonIgnore]
    public int Version { get; private set; }

    [JsonIgnore]
    public bool IsEmpty => _count == 0;

    public void Add(AggregateSpec spec, EngagementAction action, DateTimeOffset at, float weight = 1f)
    {
        ref var counter = ref FindOrAppend(action);
        Version++;
        counter.Total += weight;
        counter.AddDecayed(spec, at.UtcTicks, weight);
        counter.AddToRing(spec, spec.BucketOf(at), weight);
    }

    public float Total(EngagementAction action) => Find(action)?.Total ?? 0f;

    /// <summary>The decayed count of an action at <paramref name="now"/> for the group's half-life number <paramref name="halfLifeIndex"/>.</summary>
    public float Decayed(AggregateSpec spec, EngagementAction action, int halfLifeIndex, DateTimeOffset now) =>
        Find(action)?.DecayedNow(spec, halfLifeIndex, now.UtcTicks) ?? 0f;

    /// <summary>The exact count of an action over the group's window number <paramref name="windowIndex"/> ending at <paramref name="now"/>.</summary>
    public float WindowCount(AggregateSpec spec, EngagementAction action, int windowIndex, DateTimeOffset now) =>
        Find(action)?.WindowCount(spec.BucketOf(now), spec.WindowBuckets[windowIndex]) ?? 0f;

    public AggregateView Read(AggregateSpec spec, DateTimeOffset now)
    {
        var nowBucket = spec.BucketOf(now);
        var actions = Actions.OrderBy(a => a.Action).Select(a => new ActionAggregateView(
            a.Action,
            a.Total,
            Enumerable.Range(0, spec.HalfLifeTicks.Length).Select(i => a.DecayedNow(spec, i, now.UtcTicks)).ToArray(),
            spec.WindowBuckets.Select(b => a.WindowCount(nowBucket, b)).ToArray())).ToArray();
        return new AggregateView(now, spec.HalfLifeLabels, spec.WindowLabels, actions);
    }

    /// <summary>Drops ring buckets that have left every window, so an idle aggregate holds only its totals and decayed values.</summary>
    public void Compact(AggregateSpec spec, DateTimeOffset now)
    {
        var nowBucket = spec.BucketOf(now);
        for (var i = 0; i < _count; i++)
        {
            ref var counter = ref _counters[i];
            if (counter.RecentLength > 0 && nowBucket - counter.Head >= spec.RingBuckets)
            {
                counter.ClearRing();
                Version++;
            }
        }
    }

    private ActionCounter? Find(EngagementAction action) => IndexOf(action) is var at and >= 0 ? _counters[at] : null;

    private ref ActionCounter FindOrAppend(EngagementAction action)
    {
        if (IndexOf(action) is var at and >= 0)
        {
            return ref _counters[at];
        }

        if (_count == _counters.Length)
        {
            // one, then four, then doubling: most aggregates (one per author a user engaged with) see a single action
            var grown = new ActionCounter[_count == 0 ? 1 : Math.Max(4, _count * 2)];
            Counters.CopyTo(grown);
            _counters = grown;
        }

        _counters[_count] = new ActionCounter { Action = action };
        return ref _counters[_count++];
    }

    private int IndexOf(EngagementAction action)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_counters[i].Action == action)
            {
                return i;
            }
        }

        return -1;
    }
}
