using System.Collections.ObjectModel;

namespace Recsys.Grains.Users;

/// <summary>
/// Maps of user id to a time (UTC ticks) kept only once they hold something. A user grain has eight of them (the
/// present and removed follows, blocks and mutes, reports, feedback fatigue) and most stay empty: an empty dictionary
/// costs 80 bytes, about a tenth of an idle user grain (issue 6). Owners keep a nullable dictionary, write through
/// <see cref="Writable"/>, and hand out <see cref="Read"/>, which is the same map in the stored JSON.
/// </summary>
internal static class TickMaps
{
    /// <summary>The map to read: the owner's, or a shared empty one that cannot be changed.</summary>
    public static IReadOnlyDictionary<long, long> Read(Dictionary<long, long>? map) => map is null ? ReadOnlyDictionary<long, long>.Empty : map;

    /// <summary>The owner's map, made on the first write.</summary>
    public static Dictionary<long, long> Writable(ref Dictionary<long, long>? map) => map ??= [];

    /// <summary>What an owner keeps of a map read from its stored form: nothing when it is empty.</summary>
    public static Dictionary<long, long>? Kept(IReadOnlyDictionary<long, long> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.Count == 0 ? null : stored as Dictionary<long, long> ?? new Dictionary<long, long>(stored);
    }
}
