using System.Text.Json.Serialization;

namespace Recsys.Grains.Users;

/// <summary>
/// A set of user ids (follows, blocks or mutes) whose changes are last-writer-wins by time: each present id keeps
/// when it was added, and removed ids are remembered (bounded) with when they were removed, so an older add or
/// remove that is applied late (events of different batches arrive out of order) cannot undo a newer one.
/// </summary>
public sealed class RelationSet
{
    private Dictionary<long, long>? _present;
    private Dictionary<long, long>? _removed;

    /// <summary>Present ids and when each was added (UTC ticks).</summary>
    public IReadOnlyDictionary<long, long> Present
    {
        get => TickMaps.Read(_present);
        set => _present = TickMaps.Kept(value);
    }

    /// <summary>Removed ids and when (UTC ticks); the oldest are forgotten beyond the bound.</summary>
    public IReadOnlyDictionary<long, long> Removed
    {
        get => TickMaps.Read(_removed);
        set => _removed = TickMaps.Kept(value);
    }

    public int Count => Present.Count;

    /// <summary>Counts the changes made through <see cref="Add"/> and <see cref="Remove"/> (in memory only).</summary>
    [JsonIgnore]
    public int Version { get; private set; }

    public bool Contains(long id) => Present.ContainsKey(id);

    /// <summary>Adds the id unless it is present or a later removal is remembered; returns whether it changed.</summary>
    public bool Add(long id, long atTicks)
    {
        if (Present.ContainsKey(id) || (Removed.TryGetValue(id, out var removedAt) && removedAt > atTicks))
        {
            return false;
        }

        TickMaps.Writable(ref _present)[id] = atTicks;
        _removed?.Remove(id);
        Version++;
        return true;
    }

    /// <summary>Removes the id unless it was added later than <paramref name="atTicks"/>; returns whether it changed.</summary>
    public bool Remove(long id, long atTicks, int maxRemembered)
    {
        if (Present.TryGetValue(id, out var addedAt) && addedAt > atTicks)
        {
            return false;
        }

        var changed = _present?.Remove(id) ?? false;
        Version += changed ? 1 : 0;
        var removed = TickMaps.Writable(ref _removed);
        removed[id] = Math.Max(atTicks, removed.GetValueOrDefault(id));
        if (removed.Count > maxRemembered)
        {
            removed.Remove(removed.MinBy(p => p.Value).Key);
        }

        return changed;
    }
}
