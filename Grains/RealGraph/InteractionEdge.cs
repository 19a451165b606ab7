using System.Text.Json.Serialization;

namespace Recsys.Grains.RealGraph;

/// <summary>
/// A user's interactions toward one other account. Every count is stored as of <see cref="Day"/> and decayed to the
/// reading day when read, so no timer ever touches it. <see cref="ActiveDays"/> has bit i set when there was an
/// interaction on day <see cref="Day"/> − i (32 days; the published num_days reads 30).
/// </summary>
/// <remarks>
/// The counts live in one array of (type, count) values, exactly as long as the types seen (an edge sees one or two):
/// a user grain holds up to 2,000 edges, and a dictionary per edge cost four objects where this costs one (issue 6).
/// <see cref="Counts"/> is their stored JSON form, a map by type, built when the state is written.
/// </remarks>
public sealed class InteractionEdge
{
    private TypedCount[] _counts = [];

    /// <summary>The reference day of every count's ewma (UTC day number).</summary>
    [JsonPropertyName("d")]
    public int Day { get; set; }

    [JsonPropertyName("a")]
    public uint ActiveDays { get; set; }

    /// <summary>The day of the latest interaction of any type.</summary>
    [JsonPropertyName("l")]
    public int LastDay { get; set; }

    /// <summary>The stored form: a map built on each read (changing it changes nothing), taken over when set.</summary>
    [JsonPropertyName("c")]
    public Dictionary<InteractionType, InteractionCount> Counts
    {
        get => _counts.ToDictionary(c => c.Type, c => c.Count);
        set => _counts = value.Select(p => new TypedCount(p.Key, p.Value)).ToArray();
    }

    /// <summary>How many interaction types the edge counts.</summary>
    [JsonIgnore]
    public int TypeCount => _counts.Length;

    public bool TryGetCount(InteractionType type, out InteractionCount count)
    {
        var at = IndexOf(type);
        count = at < 0 ? default : _counts[at].Count;
        return at >= 0;
    }

    /// <summary>The count of a type, to change in place; a type not seen yet is added with <paramref name="day"/> as its last day.</summary>
    public ref InteractionCount CountOf(InteractionType type, int day)
    {
        if (IndexOf(type) is var at and >= 0)
        {
            return ref _counts[at].Count;
        }

        Array.Resize(ref _counts, _counts.Length + 1);
        _counts[^1] = new TypedCount(type, new InteractionCount { LastDay = day });
        return ref _counts[^1].Count;
    }

    /// <summary>Every count, in the order the types were first seen.</summary>
    public IEnumerable<InteractionCount> AllCounts() => _counts.Select(c => c.Count);

    /// <summary>Multiplies every count's ewma by <paramref name="factor"/>.</summary>
    public void DecayAll(float factor)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i].Count.Ewma *= factor;
        }
    }

    /// <summary>Drops the counts <paramref name="drop"/> says no longer count.</summary>
    public void RemoveCounts(Func<InteractionCount, bool> drop)
    {
        var kept = 0;
        foreach (var c in _counts)
        {
            if (!drop(c.Count))
            {
                _counts[kept++] = c;
            }
        }

        if (kept < _counts.Length)
        {
            _counts = _counts[..kept];
        }
    }

    private int IndexOf(InteractionType type)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            if (_counts[i].Type == type)
            {
                return i;
            }
        }

        return -1;
    }

    private struct TypedCount(InteractionType type, InteractionCount count)
    {
        public readonly InteractionType Type = type;
        public InteractionCount Count = count;
    }
}
