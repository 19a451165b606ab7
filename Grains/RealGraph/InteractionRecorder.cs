using System.Runtime.InteropServices;
using Recsys.Grains.Collections;

namespace Recsys.Grains.RealGraph;

/// <summary>
/// Adds interactions to a <see cref="RealGraphState"/>. The edge is first brought to the later of its day and the
/// interaction's (decaying every count by 0.955 per day in between); an interaction older than the edge's day adds
/// its amount already decayed to that day, so the order in which events arrive does not change the result (up to
/// float rounding).
/// When a new destination would exceed <see cref="RealGraphOptions.MaxEdges"/>, the weakest edges are dropped, a
/// twentieth of the cap at once (<see cref="WeakestEviction"/>).
/// </summary>
public static class InteractionRecorder
{
    public static void Record(RealGraphState state, long destination, InteractionType type, double amount, DateTimeOffset at, RealGraphOptions options)
    {
        var day = RealGraphDay.Of(at);
        state.MarkChanged();
        if (state.Edges.Count >= options.MaxEdges && !state.Edges.ContainsKey(destination))
        {
            MakeRoom(state, day, options);
        }

        // a reference into the dictionary: the edge is a value, changed where it is stored
        ref var edge = ref CollectionsMarshal.GetValueRefOrAddDefault(state.Edges, destination, out var exists);
        if (!exists)
        {
            edge = new InteractionEdge { Day = day, LastDay = day };
        }

        AdvanceTo(ref edge, day, options.DecayPerDay);
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
        List<long>? empty = null;
        foreach (var destination in state.Edges.Keys)
        {
            ref var edge = ref CollectionsMarshal.GetValueRefOrNullRef(state.Edges, destination);
            var day = edge.Day;
            edge.RemoveCounts(count => RealGraphFeatures.Decayed(day, count, today, options) == 0);
            if (edge.TypeCount == 0)
            {
                (empty ??= []).Add(destination);
            }
        }

        foreach (var destination in empty ?? [])
        {
            state.Edges.Remove(destination);
        }
    }

    /// <summary>Moves an edge's reference day forward to <paramref name="day"/>, decaying its counts.</summary>
    public static void AdvanceTo(ref InteractionEdge edge, int day, double decayPerDay)
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

    // The weakest edges go: fewest active days in the window, then the smallest decayed total, then the largest id. Its own
    // method: the lambda's captures would otherwise be allocated on every call of Record.
    private static void MakeRoom(RealGraphState state, int today, RealGraphOptions options) =>
        WeakestEviction.MakeRoom(state.Edges, options.MaxEdges,
            (id, edge) => (RealGraphFeatures.ActiveDaysInWindow(edge, today, options), RealGraphFeatures.DecayedTotal(edge, today, options), -id));
}
