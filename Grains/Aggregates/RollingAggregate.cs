using System.Runtime.InteropServices;
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
    // A single counter lives inline in _first (an aggregate per author a user engaged with sees one action most often,
    // and an array for it was one more long-lived object on most ingested events, issue 6). From the second action on,
    // every counter lives in _more[.._count]; that array has room to spare (it doubles), so a new action type is written
    // in place instead of copying every counter into a new array (each copy outlived a young collection in an old grain).
    private ActionCounter _first;
    private ActionCounter[] _more = [];
    private int _count;

    /// <summary>The stored form: a copy of the counters, in the order their actions were first seen.</summary>
    public ActionCounter[] Actions
    {
        get => Counters.ToArray();
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            (_first, _more, _count) = value.Length == 1
                ? (value[0], Array.Empty<ActionCounter>(), 1)
                : (default(ActionCounter), value, value.Length);
            Version++;
        }
    }

    /// <summary>The counters, to read in place.</summary>
    [JsonIgnore]
    public ReadOnlySpan<ActionCounter> Counters => Live;

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
        foreach (ref var counter in Live)
        {
            if (counter.RecentLength > 0 && nowBucket - counter.Head >= spec.RingBuckets)
            {
                counter.ClearRing();
                Version++;
            }
        }
    }

    // Inline while there is at most one counter, the array after that. A span over a field of this heap object is safe:
    // the GC tracks the interior pointer.
    private Span<ActionCounter> Live => _more.Length > 0 ? _more.AsSpan(0, _count) : MemoryMarshal.CreateSpan(ref _first, _count);

    private ActionCounter? Find(EngagementAction action) => IndexOf(action) is var at and >= 0 ? Live[at] : null;

    private ref ActionCounter FindOrAppend(EngagementAction action)
    {
        if (IndexOf(action) is var at and >= 0)
        {
            return ref Live[at];
        }

        var added = new ActionCounter { Action = action };
        if (_count == 0)
        {
            _first = added;
            _count = 1;
            return ref _first;
        }

        if (_count == _more.Length || _more.Length == 0)
        {
            // four, then doubling
            var grown = new ActionCounter[Math.Max(4, _count * 2)];
            Counters.CopyTo(grown);
            (_first, _more) = (default, grown);
        }

        _more[_count] = added;
        return ref _more[_count++];
    }

    private int IndexOf(EngagementAction action)
    {
        var live = Live;
        for (var i = 0; i < live.Length; i++)
        {
            if (live[i].Action == action)
            {
                return i;
            }
        }

        return -1;
    }
}
