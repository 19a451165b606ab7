using System.Diagnostics;
using Recsys.Bench.Harness;

namespace Recsys.Bench.Ping;

/// <summary>
/// What one cache miss costs on this machine, and how many can overlap (issue 6): loads that chase a random cycle
/// through every 64-byte line of an array, one chain at a time (each load waits for the last: a grain call's
/// pointer chase) and several chains interleaved (independent loads the core can have in flight together).
/// </summary>
public static class MemoryLatencyBenchmark
{
    private const int LongsPerLine = 8;

    public static IReadOnlyList<BenchResult> Run(int megabytes, int loads)
    {
        var lines = megabytes * (1L << 20) / 64;
        var memory = new long[lines * LongsPerLine];

        // A random cyclic order of the lines (Sattolo's shuffle gives one cycle), each line holding the next one's index.
        var order = new int[lines];
        for (var i = 0; i < lines; i++)
        {
            order[i] = i;
        }

        var random = new Random(1);
        for (var i = lines - 1; i > 0; i--)
        {
            var j = random.NextInt64(i);
            (order[i], order[j]) = (order[j], order[i]);
        }

        for (var i = 0; i < lines; i++)
        {
            memory[order[i] * (long)LongsPerLine] = order[(i + 1) % lines] * (long)LongsPerLine;
        }

        var results = new List<BenchResult>();
        foreach (var chains in new[] { 1, 2, 4, 8, 16 })
        {
            results.Add(Chase(memory, order, chains, loads, $"{megabytes:N0} MB, {chains} chain{(chains == 1 ? "" : "s")} in step"));
        }

        return results;
    }

    private static BenchResult Chase(long[] memory, int[] order, int chains, int loads, string label)
    {
        // Chains start at evenly spaced points of the one cycle, so they never meet within a run this short.
        var at = new long[chains];
        for (var c = 0; c < chains; c++)
        {
            at[c] = order[order.Length / chains * c] * (long)LongsPerLine;
        }

        var steps = loads / chains;
        var clock = Stopwatch.StartNew();
        for (var step = 0; step < steps; step++)
        {
            for (var c = 0; c < chains; c++)
            {
                at[c] = memory[at[c]];
            }
        }

        var elapsed = clock.Elapsed;
        var nanoseconds = elapsed.TotalNanoseconds / (steps * (long)chains);
        GC.KeepAlive(at);
        return new BenchResult($"{label}: {nanoseconds:F1} ns per load", steps * (long)chains, elapsed, 0, 0);
    }
}
