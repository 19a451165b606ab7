using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Import;

/// <summary>
/// Turns an edge list into users (every node) and follows (each edge from → to, and to → from when undirected),
/// logged as "follow" events at the edge's time (shifted so the newest is now), or now when the file has no time
/// column. A repeated edge is one follow (its earliest time); follows beyond a user's first 5,000 are dropped
/// (<see cref="FollowCap"/>). Weights only select edges (--min-weight).
/// </summary>
public static class EdgeListPlanner
{
    public static ImportPlan Plan(IReadOnlyList<ImportEdge> edges, EdgeListOptions options, DateTimeOffset now, bool shiftToNow, string source)
    {
        var newest = edges.Where(e => e.UnixTime is not null).Select(e => e.UnixTime!.Value).DefaultIfEmpty().Max();
        var time = ImportTime.For(edges.Any(e => e.UnixTime is not null) ? newest : null, now, shiftToNow);
        var follows = new Dictionary<(long From, long To), DateTimeOffset>();
        var firstSeen = new Dictionary<long, DateTimeOffset>();
        foreach (var edge in edges)
        {
            var at = edge.UnixTime is { } t ? time.At(t) : now;
            Add(follows, firstSeen, edge.From, edge.To, at);
            if (options.Undirected)
            {
                Add(follows, firstSeen, edge.To, edge.From, at);
            }
        }

        var (kept, dropped) = FollowCap.Apply(follows.OrderBy(f => f.Value).ThenBy(f => f.Key.From).ThenBy(f => f.Key.To).Select(f => new EngagementEvent(
            $"edges:{f.Key.From}:{f.Key.To}", f.Key.From, EngagementAction.Follow, null, f.Key.To, f.Value)));
        return new ImportPlan(
            source,
            firstSeen.OrderBy(u => u.Key).Select(u => ImportProfiles.For(u.Key, u.Value)).ToArray(),
            [],
            kept,
            [],
            time.Shift,
            dropped);
    }

    private static void Add(Dictionary<(long, long), DateTimeOffset> follows, Dictionary<long, DateTimeOffset> firstSeen, long from, long to, DateTimeOffset at)
    {
        follows[(from, to)] = follows.TryGetValue((from, to), out var seen) && seen < at ? seen : at;
        firstSeen[from] = firstSeen.TryGetValue(from, out var a) && a < at ? a : at;
        firstSeen[to] = firstSeen.TryGetValue(to, out var b) && b < at ? b : at;
    }
}
