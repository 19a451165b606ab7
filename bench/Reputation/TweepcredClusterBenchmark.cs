using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Recsys.Bench.Harness;
using Recsys.Grains.Hosting;
using Recsys.Grains.Interfaces.Reputation;
using Recsys.Grains.Reputation;
using Recsys.Grains.Reputation.Cluster;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Testing;

namespace Recsys.Bench.Reputation;

/// <summary>
/// The cluster tweepcred job (issue 7) on the floor's generated power-law graph, on 1 or more in-process silos over
/// loopback TCP. Measured: one run from the coordinator's Start to its end, with the partitions fed from an
/// in-memory snapshot (<see cref="TweepcredSnapshotStore"/>: each partition reads its users and their follow rows,
/// as it would from User grains) and writing scores back into the snapshot, not into 1M User grains. Everything
/// after reading is the job's real path: sorting and deduplicating rows, the chunked edge exchange, building the
/// in-edge slices, PageRank supersteps with chunked share messages and a barrier per iteration, post-adjustment.
/// Not measured: generating the graph and grouping it into per-user rows (the snapshot). A warm-up run on a tenth of
/// the graph comes first. The result is checked against the pure <see cref="PageRank.Run"/> on the same graph.
/// </summary>
public static class TweepcredClusterBenchmark
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(int users, int edges, int silos, int partitions)
    {
        var clock = Stopwatch.StartNew();
        var (snapshot, floorGraph, now) = Prepare(users, edges);
        var warmup = Prepare(Math.Max(2, users / 10), edges / 10).Snapshot;
        GC.Collect();
        Console.WriteLine($"tweepcred-cluster: snapshot of {users:N0} users, {edges:N0} follows ready in {clock.Elapsed.TotalSeconds:F2} s");

        var store = new SwitchableStore(warmup);
        await using var cluster = await TestCluster.StartAsync(silos, silo =>
        {
            silo.AddMemoryGrainStorage();
            silo.UseMemoryReminders();
            silo.AddRecsysDomain();
            silo.UseMemoryEngagementLog();
            silo.Services.Replace(ServiceDescriptor.Singleton<ITweepcredGraphStore>(store));
            silo.Configure<TweepcredJobOptions>(o => o.Partitions = partitions);
        });
        var coordinator = cluster.GrainFactory.GetGrain<ITweepcredCoordinatorGrain>(0);
        await RunOnceAsync(coordinator, "warm-up");

        store.Current = snapshot;
        var results = new List<BenchResult>();
        var baseline = WorkingSetMiB();
        var allocated = GC.GetTotalAllocatedBytes();
        var run = await RunOnceAsync(coordinator, "defaults");
        results.AddRange(Rows(run, silos, users, edges, "defaults"));
        Console.WriteLine($"tweepcred-cluster: working set {baseline:N0} MiB before the run (graph, snapshot, {silos} silo(s)), peak {PeakWorkingSetMiB():N0} MiB; "
            + $"{(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0:N0} MiB allocated during the run");
        Check(snapshot, floorGraph, now, run, new TweepcredOptions());

        SetTolerance(cluster, 0);
        var fixedRun = await RunOnceAsync(coordinator, "20 iterations");
        results.AddRange(Rows(fixedRun, silos, users, edges, "20 iterations"));
        Console.WriteLine($"tweepcred-cluster: peak working set {PeakWorkingSetMiB():N0} MiB, {Environment.ProcessorCount} cores");
        return results;
    }

    private static async Task<TweepcredRunStatus> RunOnceAsync(ITweepcredCoordinatorGrain coordinator, string label)
    {
        var run = await coordinator.Start(new TweepcredRunRequest(null, 0, "bench"));
        while (run.State == TweepcredRunState.Running)
        {
            run = await coordinator.WaitForRun(run.RunId, TimeSpan.FromSeconds(10));
        }

        if (run.State != TweepcredRunState.Succeeded)
        {
            throw new InvalidOperationException($"run {label} failed: {run.Error}");
        }

        var phases = string.Join(", ", run.PhaseSeconds.Select(p => $"{p.Phase} {p.Seconds:F2} s"));
        Console.WriteLine($"tweepcred-cluster: {label}: {run.Users:N0} users, {run.Edges:N0} edges, {run.Iterations} iterations (delta {run.Delta:E2}), "
            + $"{run.Partitions} partitions on {run.PartitionSilos.Distinct().Count()} silo(s), {run.PartitionBytes / 1048576.0:N0} MiB of partition arrays, {run.SharesPerIteration:N0} shares sent per superstep; {phases}");
        return run;
    }

    private static IEnumerable<BenchResult> Rows(TweepcredRunStatus run, int silos, int users, int edges, string label)
    {
        var total = TimeSpan.FromSeconds(run.PhaseSeconds.Sum(p => p.Seconds));
        var prefix = $"tweepcred cluster job, {silos} silo(s), {run.Partitions} partitions, {label}";
        yield return new BenchResult($"{prefix}: end to end ({users:N0} users, {edges:N0} follows)", edges, total, 0, 0);
        var load = run.PhaseSeconds.Where(p => p.Phase is "load" or "exchange" or "build").Sum(p => p.Seconds);
        yield return new BenchResult($"{prefix}: load + exchange + build", edges, TimeSpan.FromSeconds(load), 0, 0);
        var iterate = run.PhaseSeconds.Single(p => p.Phase == "iterate").Seconds;
        var perIteration = iterate / run.Iterations * 1e6;
        yield return new BenchResult($"{prefix}: PageRank ({run.Iterations} iterations; p50 = mean per iteration)", run.Iterations, TimeSpan.FromSeconds(iterate), perIteration, perIteration);
        var write = run.PhaseSeconds.Single(p => p.Phase == "write").Seconds;
        yield return new BenchResult($"{prefix}: post-adjust + scores into the snapshot", users, TimeSpan.FromSeconds(write), 0, 0);
    }

    // The pure PageRank on the same graph with the same prior: the cluster's ranks must match within 1e-9.
    private static void Check(TweepcredSnapshotStore snapshot, ReputationGraph graph, DateTimeOffset generatedAt, TweepcredRunStatus run, TweepcredOptions options)
    {
        var facts = new UserFacts[graph.NodeCount];
        var inDegree = new int[graph.NodeCount];
        for (var i = 0; i < graph.NodeCount; i++)
        {
            foreach (var target in graph.OutTargets(i))
            {
                inDegree[target]++;
            }
        }

        for (var i = 0; i < facts.Length; i++)
        {
            var user = User(i, generatedAt);
            facts[i] = new UserFacts(i, (int)Math.Floor((run.AsOf - user.SignupTime).TotalDays), user.Verified, user.HasDevice, user.Suspended,
                user.Restricted, graph.OutDegree(i), inDegree[i]);
        }

        var pure = PageRank.Run(graph, UserMass.Prior(facts), options);
        double maxAbs = 0, maxRel = 0;
        for (var i = 0; i < facts.Length; i++)
        {
            var rank = snapshot.Score(i)!.PageRank;
            maxAbs = Math.Max(maxAbs, Math.Abs(rank - pure.Ranks[i]));
            maxRel = Math.Max(maxRel, Math.Abs(rank - pure.Ranks[i]) / pure.Ranks[i]);
        }

        Console.WriteLine($"tweepcred-cluster: against the pure PageRank ({pure.Iterations} iterations): max |Δrank| {maxAbs:E2}, max relative {maxRel:E2}");
        if (maxAbs > 1e-9 || pure.Iterations != run.Iterations)
        {
            throw new InvalidOperationException("the cluster job does not match the pure PageRank.");
        }
    }

    private static void SetTolerance(TestCluster cluster, double tolerance)
    {
        foreach (var silo in cluster.Silos)
        {
            silo.Services.GetRequiredService<IOptions<TweepcredOptions>>().Value.Tolerance = tolerance; // bench only: options are read per run
        }
    }

    // Its own method so that the generated edge list is garbage afterwards; the CSR graph is kept for the check.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (TweepcredSnapshotStore Snapshot, ReputationGraph Graph, DateTimeOffset Now) Prepare(int users, int edges)
    {
        var generated = PowerLawGraph.Generate(users, edges);
        var offsets = new int[users + 1];
        foreach (var source in generated.Sources)
        {
            offsets[source + 1]++;
        }

        for (var i = 0; i < users; i++)
        {
            offsets[i + 1] += offsets[i];
        }

        var follows = new long[edges];
        var cursor = offsets.AsSpan(0, users).ToArray();
        for (var e = 0; e < edges; e++)
        {
            follows[cursor[generated.Sources[e]]++] = generated.Targets[e];
        }

        var now = DateTimeOffset.UtcNow;
        var profiles = Enumerable.Range(0, users).Select(i => User(i, now)).ToArray();
        return (new TweepcredSnapshotStore(profiles, offsets, follows), ReputationGraph.FromDenseEdges(users, generated.Sources, generated.Targets), now);
    }

    // Deterministic facts: ages up to two years (a tenth under a month), 1% verified, a third without a device, a few suspended or restricted.
    private static TweepcredUser User(long id, DateTimeOffset now) =>
        new(id, now.UtcDateTime.Date.AddDays(-((id * 7) % 730)), id % 97 == 0, id % 3 != 0, id % 211 == 0, id % 101 == 0, null);

    private static double WorkingSetMiB()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / 1048576.0;
    }

    private static double PeakWorkingSetMiB()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / 1048576.0;
    }

    /// <summary>The bench swaps the warm-up graph for the measured one without restarting the silos.</summary>
    private sealed class SwitchableStore(TweepcredSnapshotStore initial) : ITweepcredGraphStore
    {
        public TweepcredSnapshotStore Current { get; set; } = initial;

        public IAsyncEnumerable<TweepcredUserBatch> ReadPartitionAsync(TweepcredReadScope scope, CancellationToken cancellationToken = default) =>
            Current.ReadPartitionAsync(scope, cancellationToken);

        public Task WriteScoresAsync(TweepcredReadScope scope, IReadOnlyList<long> userIds, IReadOnlyList<Grains.Interfaces.Reputation.UserReputation> scores) =>
            Current.WriteScoresAsync(scope, userIds, scores);
    }
}
