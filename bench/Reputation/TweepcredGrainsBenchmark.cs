using System.Diagnostics;
using Recsys.Bench.Harness;
using Recsys.Grains.Fanout;
using Recsys.Grains.Hosting;
using Recsys.Grains.Interfaces.Reputation;
using Recsys.Grains.Interfaces.Users;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Testing;

namespace Recsys.Bench.Reputation;

/// <summary>
/// The tweepcred job through the User grains (the production path): the generated power-law graph is loaded into
/// User grains on memory storage (Upsert, then ImportFollows; at most 5,000 follows per user, the follow limit),
/// then one job run is timed from Start to end: partitions list their users from the user index, ask every User
/// grain for its facts and follows, and write every score back into its User grain.
/// </summary>
public static class TweepcredGrainsBenchmark
{
    private const int MaxFollows = 5_000;
    private const int Parallel = 64;

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(int users, int edges, int silos)
    {
        var graph = PowerLawGraph.Generate(users, edges);
        var follows = new List<long>[users];
        for (var e = 0; e < edges; e++)
        {
            (follows[graph.Sources[e]] ??= []).Add(graph.Targets[e] + 1); // user ids from 1
        }

        await using var cluster = await TestCluster.StartAsync(silos, silo =>
        {
            silo.AddMemoryGrainStorage();
            silo.UseMemoryReminders();
            silo.AddRecsysDomain();
            silo.UseMemoryEngagementLog();
        });
        var grains = cluster.GrainFactory;
        var clock = Stopwatch.StartNew();
        var signup = DateTimeOffset.UtcNow.AddDays(-100);
        var ids = Enumerable.Range(1, users).Select(i => (long)i).ToArray();
        await BoundedParallel.ForEachAsync(ids, Parallel, id => grains.GetGrain<IUserGrain>(id).Upsert(new UserProfile(id, "u" + id, "en", "US", signup)));
        var upserts = clock.Elapsed;
        await BoundedParallel.ForEachAsync(ids, Parallel, id => follows[id - 1] is { } list
            ? grains.GetGrain<IUserGrain>(id).ImportFollows(list.Distinct().Take(MaxFollows).ToArray())
            : Task.CompletedTask);
        var loaded = clock.Elapsed;
        Console.WriteLine($"tweepcred-grains: {users:N0} users upserted in {upserts.TotalSeconds:F1} s, their follows imported in {(loaded - upserts).TotalSeconds:F1} s ({silos} silo(s))");

        var coordinator = grains.GetGrain<ITweepcredCoordinatorGrain>(0);
        clock.Restart();
        var run = await coordinator.Start(new TweepcredRunRequest(null, 0, "bench"));
        while (run.State == TweepcredRunState.Running)
        {
            run = await coordinator.WaitForRun(run.RunId, TimeSpan.FromSeconds(10));
        }

        var elapsed = clock.Elapsed;
        if (run.State != TweepcredRunState.Succeeded)
        {
            throw new InvalidOperationException($"the run failed: {run.Error}");
        }

        Console.WriteLine($"tweepcred-grains: {run.Users:N0} users, {run.Edges:N0} edges, {run.Iterations} iterations, {run.Partitions} partitions on "
            + $"{run.PartitionSilos.Distinct().Count()} silo(s); " + string.Join(", ", run.PhaseSeconds.Select(p => $"{p.Phase} {p.Seconds:F2} s")));
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"tweepcred-grains: peak working set {process.PeakWorkingSet64 / 1048576.0:N0} MiB, {Environment.ProcessorCount} cores");
        var phase = run.PhaseSeconds.ToDictionary(p => p.Phase, p => p.Seconds);
        var prefix = $"tweepcred job through User grains, {silos} silo(s), {run.Partitions} partitions";
        return
        [
            new BenchResult($"{prefix}: end to end ({run.Users:N0} users, {run.Edges:N0} edges)", run.Users, elapsed, 0, 0),
            new BenchResult($"{prefix}: read users and follows from User grains (ops = users)", run.Users, TimeSpan.FromSeconds(phase["load"]), 0, 0),
            new BenchResult($"{prefix}: exchange + build + PageRank ({run.Iterations} iterations)", run.Edges, TimeSpan.FromSeconds(phase["exchange"] + phase["build"] + phase["iterate"]), 0, 0),
            new BenchResult($"{prefix}: write scores into User grains (ops = users)", run.Users, TimeSpan.FromSeconds(phase["write"]), 0, 0),
        ];
    }
}
