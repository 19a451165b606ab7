using System.Diagnostics;
using Microsoft.Extensions.Options;
using Recsys.Bench.Harness;
using Recsys.Grains.Aggregates;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.RealGraph;
using Recsys.Grains.Users;

namespace Recsys.Bench.Ingestion;

/// <summary>
/// What a User grain does to its own state per engagement it made, alone (issue 6): <see cref="ActivityRecorder.RecordAsActor"/>
/// (aggregates as actor, the pair aggregate of the author, impressions, recent engagements) and
/// <see cref="InteractionRecorder.Record"/> (the RealGraph edge), on one thread, no grains. Few users engaging with many
/// authors bring each user to its caps (200 pair aggregates, 2,000 RealGraph edges, 5,000 impressions), which the
/// <c>ingest</c> benchmark's ten events per user never reach. The first half of the events fills the state and is not
/// measured. Prints events per second, bytes allocated per event, and the pairs and edges kept per user at the end.
/// </summary>
public static class UserStateBenchmark
{
    public static IReadOnlyList<BenchResult> Run(int events, int users, int authors)
    {
        var now = DateTimeOffset.UtcNow;
        var specs = new AggregateSpecs(Options.Create(new AggregateOptions()));
        var (userOptions, realGraph) = (new UserOptions(), new RealGraphOptions());
        var logged = BenchData.Events(events, users, now, seed: 7, posts: authors)
            .Select((e, i) => new LoggedEngagement(i + 1, e.Id, e.UserId, e.Action, e.PostId, null, e.PostId, e.Time, e.Value))
            .ToArray();
        var activities = Enumerable.Range(0, users + 1).Select(_ => new UserActivity()).ToArray();
        var graphs = Enumerable.Range(0, users + 1).Select(_ => new RealGraphState()).ToArray();

        var half = events / 2;
        Apply(logged.AsSpan(0, half), activities, graphs, specs, userOptions, realGraph);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        Apply(logged.AsSpan(half), activities, graphs, specs, userOptions, realGraph);
        var elapsed = clock.Elapsed;
        var perEvent = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)(events - half);

        var pairs = activities.Skip(1).Average(a => a.Authors.Authors.Count);
        var edges = graphs.Skip(1).Average(g => g.Edges.Count);
        return [new BenchResult($"engagements recorded into {users:N0} users' state toward {authors:N0} authors ({pairs:F0} pairs and {edges:F0} edges kept per user, {perEvent:N0} bytes allocated per event)",
            events - half, elapsed, 0, 0)];
    }

    private static void Apply(ReadOnlySpan<LoggedEngagement> events, UserActivity[] activities, RealGraphState[] graphs, AggregateSpecs specs,
        UserOptions userOptions, RealGraphOptions realGraph)
    {
        foreach (var e in events)
        {
            ActivityRecorder.RecordAsActor(activities[e.UserId], e, specs, userOptions);
            if (InteractionMapping.Of(e) is { } interaction)
            {
                InteractionRecorder.Record(graphs[e.UserId], interaction.Destination, interaction.Type, interaction.Amount, e.Time, realGraph);
            }
        }
    }
}
