using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Recsys.Grains.RealGraph;

/// <summary>
/// A user's interactions toward one other account. Every count is stored as of <see cref="Day"/> and decayed to the
/// reading day when read, so no timer ever touches it. <see cref="ActiveDays"/> has bit i set when there was an
/// interaction on day <see cref="Day"/> − i (32 days; the published num_days reads 30).
/// </summary>
/// <remarks>
/// A value, kept inline in its state's dictionary, with the first type's count inline too; only a second type adds an
/// array. A user grain holds up to 2,000 edges and most ingested events open one, which as a class with its own array
/// was two long-lived objects for the GC to copy and mark (issue 6); an edge sees one type most often, so it is now none.
/// Read it in place or by copy; change it through a reference into the dictionary (<see cref="InteractionRecorder"/>).
/// <see cref="Counts"/> is the stored JSON form, a map by type, built when the state is written.
/// </remarks>
public struct InteractionEdge
{
    private TypedCount _first;
    private TypedCount[]? _more; // the counts after the first, exactly as many as the types seen after it
    private int _typeCount;

    public InteractionEdge()
    {
    }

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
        readonly get
        {
            var map = new Dictionary<InteractionType, InteractionCount>(_typeCount);
            for (var i = 0; i < _typeCount; i++)
            {
                var typed = At(i);
                map[typed.Type] = typed.Count;
            }

            return map;
        }
        set
        {
            (_first, _more, _typeCount) = (default, null, 0);
            foreach (var (type, count) in value)
            {
                Append(type, count);
            }
        }
    }

    /// <summary>How many interaction types the edge counts.</summary>
    [JsonIgnore]
    public readonly int TypeCount => _typeCount;

    public readonly bool TryGetCount(InteractionType type, out InteractionCount count)
    {
        var at = IndexOf(type);
        count = at < 0 ? default : At(at).Count;
        return at >= 0;
    }

    /// <summary>The count of the type number <paramref name="index"/> (below <see cref="TypeCount"/>), in the order the types were first seen.</summary>
    public readonly InteractionCount CountAt(int index) => At(index).Count;

    /// <summary>The count of a type, to change in place; a type not seen yet is added with <paramref name="day"/> as its last day.</summary>
    [UnscopedRef]
    public ref InteractionCount CountOf(InteractionType type, int day)
    {
        var at = IndexOf(type);
        if (at < 0)
        {
            at = Append(type, new InteractionCount { LastDay = day });
        }

        return ref RefAt(at).Count;
    }

    /// <summary>Multiplies every count's ewma by <paramref name="factor"/>.</summary>
    public void DecayAll(float factor)
    {
        for (var i = 0; i < _typeCount; i++)
        {
            RefAt(i).Count.Ewma *= factor;
        }
    }

    /// <summary>Drops the counts <paramref name="drop"/> says no longer count.</summary>
    public void RemoveCounts(Func<InteractionCount, bool> drop)
    {
        var kept = 0;
        for (var i = 0; i < _typeCount; i++)
        {
            var typed = At(i);
            if (!drop(typed.Count))
            {
                RefAt(kept++) = typed;
            }
        }

        if (kept < _typeCount)
        {
            _more = kept > 1 ? _more![..(kept - 1)] : null;
            _typeCount = kept;
        }
    }

    private readonly TypedCount At(int index) => index == 0 ? _first : _more![index - 1];

    [UnscopedRef]
    private ref TypedCount RefAt(int index) => ref index == 0 ? ref _first : ref _more![index - 1];

    private int Append(InteractionType type, InteractionCount count)
    {
        var typed = new TypedCount(type, count);
        if (_typeCount == 0)
        {
            _first = typed;
        }
        else
        {
            Array.Resize(ref _more, _typeCount); // the types after the first: _typeCount - 1 now, one more after this
            _more[^1] = typed;
        }

        return _typeCount++;
    }

    private readonly int IndexOf(InteractionType type)
    {
        for (var i = 0; i < _typeCount; i++)
        {
            if (At(i).Type == type)
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
