using System.Collections.Concurrent;
using System.Diagnostics;
using Recsys.Bench.Harness;
using Recsys.Runtime;
using Recsys.Runtime.Catalog;
using Recsys.Runtime.Invocation;

namespace Recsys.Bench.Ping;

/// <summary>
/// The catalog's lookup alone (issue 6): N grains' targets, found by ids in a random order (as the ingest batcher's
/// deliveries to uniformly random grains) through the catalog's <see cref="ActivationTable"/> and through the
/// ConcurrentDictionary it replaced. Each found target is read (its id's hash), as routing reads it to queue the call.
/// </summary>
public static class ActivationLookupBenchmark
{
    public static IReadOnlyList<BenchResult> Run(int grains, int lookups)
    {
        var type = string.Intern("user");
        var targets = Enumerable.Range(1, grains).Select(i => new Target(GrainId.Create(type, i))).ToArray();
        var table = new ActivationTable();
        var dictionary = new ConcurrentDictionary<GrainId, ActivationTarget>();
        foreach (var target in targets)
        {
            table.GetOrAdd(target);
            dictionary.TryAdd(target.GrainId, target);
        }

        // Ids made per lookup as the batcher makes them (GetGrain), in a random order fixed in advance.
        var random = new Random(42);
        var order = Enumerable.Range(0, lookups).Select(_ => (long)random.Next(1, grains + 1)).ToArray();
        var results = new List<BenchResult>();
        for (var round = 0; round < 2; round++) // the first round warms the JIT and the caches; the second is reported
        {
            results.Clear();
            results.Add(Measure($"ActivationTable, {grains:N0} targets", order, id => table.Find(GrainId.Create(type, id))));
            results.Add(Measure($"ConcurrentDictionary, {grains:N0} targets", order, id => dictionary.TryGetValue(GrainId.Create(type, id), out var found) ? found : null));
        }

        return results;
    }

    private static BenchResult Measure(string name, long[] order, Func<long, ActivationTarget?> find)
    {
        var checksum = 0;
        var clock = Stopwatch.StartNew();
        foreach (var id in order)
        {
            checksum += find(id)?.GrainId.GetHashCode() ?? throw new InvalidOperationException($"grain {id} not found");
        }

        var elapsed = clock.Elapsed;
        GC.KeepAlive(checksum);
        return new BenchResult(name, order.Length, elapsed, elapsed.TotalNanoseconds / order.Length / 1_000, 0);
    }

    private sealed class Target(GrainId grainId) : ActivationTarget(grainId)
    {
        public override IEnumerable<ActivationData> Activations => [];

        public override bool TryEnqueue(Invokable request) => false;
    }
}
