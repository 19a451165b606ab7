using System.Diagnostics;
using System.Runtime.CompilerServices;
using Recsys.Bench.Harness;
using Recsys.Grains.Reputation;

namespace Recsys.Bench.Reputation;

/// <summary>
/// The single-process CSR floor of issue 7: a generated power-law follow graph through the pure tweepcred
/// PageRank (Recsys.Grains.Reputation), timing graph build and iterations. Rows: CSR build (operations = edges),
/// PageRank with the job's defaults (operations = iterations; p50/p99 = per-iteration time), and a fixed 20
/// iterations (tolerance 0) for a per-iteration cost that does not depend on convergence.
/// </summary>
public static class TweepcredBenchmark
{
    public const int DefaultUsers = 1_000_000;
    public const int DefaultEdges = 20_000_000;

    public static Task<IReadOnlyList<BenchResult>> RunAsync(int users = DefaultUsers, int edges = DefaultEdges, bool weighted = false)
    {
        var (graph, build) = GenerateAndBuild(users, edges, weighted);
        GC.Collect(); // the generated edge list is garbage now; only the CSR arrays stay
        Console.WriteLine($"tweepcred: {graph.EdgeCount:N0} distinct edges, graph arrays {graph.ArrayBytes / 1048576.0:N0} MiB");

        var prior = new double[users];
        Array.Fill(prior, 1.0 / users);
        PageRank.Run(graph, prior, new TweepcredOptions { MaxIterations = 3 }); // warm-up: JIT tiers, thread pool
        var results = new List<BenchResult> { build };
        results.Add(TimePageRank(graph, prior, new TweepcredOptions(), "tweepcred PageRank, defaults"));
        results.Add(TimePageRank(graph, prior, new TweepcredOptions { Tolerance = 0 }, "tweepcred PageRank, 20 iterations"));

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"tweepcred: peak working set {process.PeakWorkingSet64 / 1048576.0:N0} MiB, live managed heap {GC.GetTotalMemory(true) / 1048576.0:N0} MiB, {Environment.ProcessorCount} cores");
        return Task.FromResult<IReadOnlyList<BenchResult>>(results);
    }

    // Its own method so that no stack slot keeps the generated arrays alive afterwards.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (ReputationGraph Graph, BenchResult Build) GenerateAndBuild(int users, int edges, bool weighted)
    {
        var clock = Stopwatch.StartNew();
        var generated = PowerLawGraph.Generate(users, edges);
        Console.WriteLine($"tweepcred: generated {users:N0} users, {edges:N0} edges in {clock.Elapsed.TotalSeconds:F2} s");

        // Weighted runs give edges weights 1..7, as RealGraph strengths floored at 1 would be.
        var weights = weighted ? Enumerable.Range(0, edges).Select(e => 1f + (e % 7)).ToArray() : null;
        clock.Restart();
        var graph = ReputationGraph.FromDenseEdges(users, generated.Sources, generated.Targets, weights, weighted);
        var name = $"tweepcred CSR build ({users:N0} users, {edges:N0} edges{(weighted ? ", weighted" : "")})";
        return (graph, new BenchResult(name, edges, clock.Elapsed, 0, 0));
    }

    private static BenchResult TimePageRank(ReputationGraph graph, double[] prior, TweepcredOptions options, string name)
    {
        var recorder = new LatencyRecorder(options.MaxIterations);
        var last = Stopwatch.GetTimestamp();
        var clock = Stopwatch.StartNew();
        var result = PageRank.Run(graph, prior, options, onIteration: (_, _) =>
        {
            var now = Stopwatch.GetTimestamp();
            recorder.Add(now - last);
            last = now;
        });
        var elapsed = clock.Elapsed;
        Console.WriteLine($"tweepcred: {name}: {result.Iterations} iterations, final delta {result.Delta:E2}, converged {result.Converged}");
        return new BenchResult($"{name} ({result.Iterations} iterations)", result.Iterations, elapsed, recorder.Percentile(0.5), recorder.Percentile(0.99));
    }
}
