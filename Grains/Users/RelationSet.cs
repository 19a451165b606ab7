using System.Text.Json.Serialization;

namespace Recsys.Grains.Users;

/// <summary>
/// A set of user ids (follows, blocks or mutes) whose changes are last-writer-wins by time: each present id keeps
/// when it was added, and removed ids are remembered (bounded) with when they were removed, so an older add or
/// remove that is applied late (events of different batches arrive out of order) cannot undo a newer one.
/// </summary>
public sealed class RelationSet
{
    /// <summary>Present ids and when each was added (UTC ticks).</summary>
    public Dictionary<long, long> Present { get; set; } = [];

    /// <summary>Removed ids and when (UTC ticks); the oldest are forgotten beyond the bound.</summary>
    public Dictionary<long, long> Removed { get; set; } = [];

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

        Present[id] = atTicks;
        Removed.Remove(id);
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

        var changed = Present.Remove(id);
        Version += changed ? 1 : 0;
        Removed[id] = Math.Max(atTicks, Removed.GetValueOrDefault(id));
        if (Removed.Count > maxRemembered)
        {
            Removed.Remove(Removed.MinBy(p => p.Value).Key);
        }

        return changed;
    }
}
