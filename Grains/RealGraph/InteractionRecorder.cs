namespace Recsys.Grains.RealGraph;

/// <summary>
/// Adds interactions to a <see cref="RealGraphState"/>. The edge is first brought to the later of its day and the
/// interaction's (decaying every count by 0.955 per day in between); an interaction older than the edge's day adds
/// its amount already decayed to that day, so the order in which events arrive does not change the result (up to
/// float rounding).
/// When a new destination would exceed <see cref="RealGraphOptions.MaxEdges"/>, the weakest edge is dropped.
/// </summary>
public static class InteractionRecorder
{
    public static void Record(RealGraphState state, long destination, InteractionType type, double amount, DateTimeOffset at, RealGraphOptions options)
    {
        var day = RealGraphDay.Of(at);
        state.MarkChanged();
        if (!state.Edges.TryGetValue(destination, out var edge))
        {
            if (state.Edges.Count >= options.MaxEdges)
            {
                EvictWeakest(state, day, options);
            }

            edge = new InteractionEdge { Day = day, LastDay = day };
            state.Edges[destination] = edge;
        }

        AdvanceTo(edge, day, options.DecayPerDay);
        var offset = edge.Day - day;
        if (offset < 32)
        {
            edge.ActiveDays |= 1u << offset;
        }

        ref var count = ref edge.CountOf(type, day);
        count.Ewma += (float)(Math.Max(0, amount) * Math.Pow(options.DecayPerDay, offset));
        count.LastDay = Math.Max(count.LastDay, day);
        edge.LastDay = Math.Max(edge.LastDay, day);
    }

    /// <summary>Drops the counts that no longer count (older than the TTL or decayed below 0.955^TTL) and the edges left empty.</summary>
    public static void Compact(RealGraphState state, DateTimeOffset now, RealGraphOptions options)
    {
        var today = RealGraphDay.Of(now);
        state.MarkChanged();
        foreach (var (destination, edge) in state.Edges.ToArray())
        {
            edge.RemoveCounts(count => RealGraphFeatures.Decayed(edge, count, today, options) == 0);
            if (edge.TypeCount == 0)
            {
                state.Edges.Remove(destination);
            }
        }
    }

    /// <summary>Moves an edge's reference day forward to <paramref name="day"/>, decaying its counts.</summary>
    public static void AdvanceTo(InteractionEdge edge, int day, double decayPerDay)
    {
        if (day <= edge.Day)
        {
            return;
        }

        var shift = day - edge.Day;
        edge.DecayAll((float)Math.Pow(decayPerDay, shift));

        edge.ActiveDays = shift >= 32 ? 0 : edge.ActiveDays << shift;
        edge.Day = day;
    }

    // The weakest edge: fewest active days in the window, then the smallest decayed total, then the largest id.
    private static void EvictWeakest(RealGraphState state, int today, RealGraphOptions options)
    {
        var weakest = state.Edges.MinBy(p => (RealGraphFeatures.ActiveDaysInWindow(p.Value, today, options), RealGraphFeatures.DecayedTotal(p.Value, today, options), -p.Key));
        state.Edges.Remove(weakest.Key);
    }
}
