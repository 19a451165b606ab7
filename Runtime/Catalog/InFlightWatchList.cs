namespace Recsys.Runtime.Catalog;

/// <summary>
/// The activations that may hold requests in flight, for the response-timeout sweep: an activation joins when a
/// request is admitted while it is not on the list, and leaves at a sweep that finds it with none. The sweep then
/// visits the busy activations, not every activation of the silo (issue 6: walking ~200,000 idle activations every
/// second was 2-3 % of the ingestion profile).
/// </summary>
/// <remarks>
/// Lock order: an activation's lock, then the list's. Joining happens under the activation's lock, and so does the
/// sweep's decision to keep or drop it, so a request admitted during a sweep is never left unwatched.
/// </remarks>
internal sealed class InFlightWatchList
{
    private readonly object _lock = new();
    private List<ActivationData> _watched = [];
    private List<ActivationData> _spare = [];

    /// <summary>How many activations are watched now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _watched.Count;
            }
        }
    }

    public void Add(ActivationData activation)
    {
        lock (_lock)
        {
            _watched.Add(activation);
        }
    }

    /// <summary>
    /// Empties the list and hands its activations to the sweep, which adds back those still busy; the returned list
    /// goes back through <see cref="Recycle"/> so that sweeps allocate nothing.
    /// </summary>
    public List<ActivationData> TakeAll()
    {
        lock (_lock)
        {
            var taken = _watched;
            _watched = _spare;
            _spare = [];
            return taken;
        }
    }

    public void Recycle(List<ActivationData> taken)
    {
        taken.Clear();
        lock (_lock)
        {
            if (_spare.Capacity < taken.Capacity)
            {
                _spare = taken;
            }
        }
    }
}
