using Recsys.Runtime.Membership;

namespace Recsys.Runtime.GrainDirectory;

/// <summary>
/// The part of the grain directory this silo owns. Registration is first-writer-wins: a second activation of
/// the same grain is told where the first one lives and must forward its calls there and go away.
/// </summary>
internal sealed class GrainDirectoryPartition
{
    private readonly Dictionary<GrainId, GrainAddress> _entries = new();
    private readonly object _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// Registers the address unless a live one on another silo exists; returns the winner. An entry on the
    /// registering silo itself is replaced: a silo holds at most one activation per grain, so an older entry there
    /// names one that is gone (a late re-registration after a move or deactivation) or is a placement hint (activation
    /// id 0: a moved grain's new silo), which the first activation on that silo replaces.
    /// </summary>
    public GrainAddress Register(GrainAddress address, Func<SiloAddress, bool> isLive)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(address.GrainId, out var existing) && isLive(existing.Silo)
                && !existing.Silo.Equals(address.Silo))
            {
                return existing;
            }

            _entries[address.GrainId] = address;
            return address;
        }
    }

    public GrainAddress? Lookup(GrainId grainId)
    {
        lock (_lock)
        {
            return _entries.GetValueOrDefault(grainId);
        }
    }

    /// <summary>Removes the entry only if it still names this activation (a newer one is left alone).</summary>
    public void Unregister(GrainAddress address)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(address.GrainId, out var existing) && existing == address)
            {
                _entries.Remove(address.GrainId);
            }
        }
    }

    /// <summary>Drops entries on silos no longer active and entries this silo no longer owns after a ring change.</summary>
    public int Prune(Func<SiloAddress, bool> isLive, Func<GrainId, bool> ownedHere)
    {
        lock (_lock)
        {
            var stale = _entries.Where(e => !isLive(e.Value.Silo) || !ownedHere(e.Key)).Select(e => e.Key).ToList();
            foreach (var key in stale)
            {
                _entries.Remove(key);
            }

            return stale.Count;
        }
    }
}
