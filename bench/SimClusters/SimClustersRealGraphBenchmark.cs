using System.Diagnostics;
using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Grains.SimClusters;
using Recsys.Grains.Tests.SimClusters;

namespace Recsys.Bench.SimClusters;

/// <summary>
/// SimClusters on the shared real graphs, which have no planted truth: ego-Facebook as an undirected follow graph and
/// the Higgs interaction log (first interaction = follow, retweets = likes). Prints the time and memory of
/// <see cref="SimClustersComputation"/> with the default options, then the communities: sizes, the share of follows
/// between clustered producers that stay inside one, and sample members.
/// </summary>
public static class SimClustersRealGraphBenchmark
{
    public static IReadOnlyList<KnownForBenchRow> Run(string which)
    {
        var directory = DataDirectory();
        var rows = new List<KnownForBenchRow>();
        foreach (var (name, read) in Graphs(which, directory))
        {
            var clock = Stopwatch.StartNew();
            var inputs = read();
            var readSeconds = clock.Elapsed.TotalSeconds;
            GC.Collect();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            clock.Restart();
            var result = SimClustersComputation.Run(inputs, previous: null, new SimClustersOptions());
            clock.Stop();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            var report = CommunityReport.Of(inputs, result.KnownFor.Labels());
            using var process = Process.GetCurrentProcess();
            rows.Add(new KnownForBenchRow($"{name}: SimClustersComputation", result.ClusteredProducers, clock.Elapsed, allocated,
                GC.GetTotalMemory(forceFullCollection: true), process.PeakWorkingSet64, null,
                $"{inputs.Length:N0} users, {result.FollowEdges:N0} follows, {result.LikeEdges:N0} likes (read in {readSeconds:F1} s); ≥ {result.MinFollowers} followers; "
                + $"{report.Communities} communities, {report.InsideShare:P1} of follows inside (random {report.ExpectedInsideShare:P1}); {result.InterestedIn.Count:N0} users with InterestedIn"));
            Console.WriteLine($"{name}: {report}");
        }

        return rows;
    }

    private static IEnumerable<(string Name, Func<UserSimClustersInput[]> Read)> Graphs(string which, string directory)
    {
        if (which is "facebook" or "all")
        {
            yield return ("ego-Facebook", () => RealGraphs.Facebook(Path.Combine(directory, RealGraphs.FacebookFile)));
        }

        if (which is "higgs" or "all")
        {
            yield return ("Higgs", () => RealGraphs.Higgs(Path.Combine(directory, RealGraphs.HiggsFile)));
        }
    }

    // ../shared/data beside the repository (or RECSYS_SHARED_DATA), as the tests find it.
    private static string DataDirectory()
    {
        if (Environment.GetEnvironmentVariable("RECSYS_SHARED_DATA") is { Length: > 0 } configured)
        {
            return configured;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Recsys.sln")))
        {
            dir = dir.Parent;
        }

        return Path.GetFullPath(Path.Combine(dir?.FullName ?? ".", "..", "shared", "data"));
    }
}
