using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Recsys.Bench.Harness;

/// <summary>
/// Samples allocations by type inside this process: the runtime raises GCAllocationTick about every 100 KB
/// allocated, naming the type of the object that crossed the mark (event 10, GC keyword 0x1, verbose level:
/// learn.microsoft.com/dotnet/fundamentals/diagnostics/runtime-garbage-collection-events). Counts are samples, so
/// shares are estimates; enough to tell which types dominate.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    /// <summary>Benchmarks sample allocations by type when this variable is "1".</summary>
    public const string Variable = "RECSYS_BENCH_ALLOCATIONS";

    /// <summary>A started sampler when <see cref="Variable"/> is "1", else null.</summary>
    public static AllocationSampler? StartIfAsked()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            return null;
        }

        var sampler = new AllocationSampler();
        sampler.Start();
        return sampler;
    }

    /// <summary>Stops and prints the types with the most sampled bytes to standard error.</summary>
    public void StopAndPrint(int count = 25)
    {
        Stop();
        foreach (var (type, share) in Top(count))
        {
            Console.Error.WriteLine($"allocated {share,6:P1} {type}");
        }
    }

    private const int AllocationTickEventId = 10;
    private const int HeapStatsEventId = 4; // GCHeapStats_V2, raised at the end of every collection
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _recording;
    private long _promotedFromGen0;
    private long _promotedFromGen1;

    /// <summary>Bytes the collections while recording kept and moved out of gen0, and out of gen1: what the GC copied.</summary>
    public (long Gen0, long Gen1) Promoted => (Interlocked.Read(ref _promotedFromGen0), Interlocked.Read(ref _promotedFromGen1));

    public void Start() => _recording = true;

    public void Stop() => _recording = false;

    /// <summary>The types with the most sampled bytes, largest first, with their share.</summary>
    public IEnumerable<(string Type, double Share)> Top(int count)
    {
        var total = Math.Max(1, _bytes.Values.Sum());
        return _bytes.OrderByDescending(e => e.Value).Take(count).Select(e => (e.Key, e.Value / (double)total));
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_recording || e.Payload is null || e.PayloadNames is null)
        {
            return;
        }

        if (e.EventId == HeapStatsEventId)
        {
            Interlocked.Add(ref _promotedFromGen0, PayloadLong(e, "TotalPromotedSize0"));
            Interlocked.Add(ref _promotedFromGen1, PayloadLong(e, "TotalPromotedSize1"));
            return;
        }

        if (e.EventId != AllocationTickEventId)
        {
            return;
        }

        var type = e.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var large = e.PayloadNames.IndexOf("AllocationKind") is var k and >= 0 && Convert.ToInt32(e.Payload[k], System.Globalization.CultureInfo.InvariantCulture) == 1;
        var size = e.PayloadNames.IndexOf("AllocationAmount64") >= 0 ? PayloadLong(e, "AllocationAmount64") : 100_000;
        _bytes.AddOrUpdate(large ? type + " (large object heap)" : type, size, (_, v) => v + size);
    }

    private static long PayloadLong(EventWrittenEventArgs e, string name) =>
        e.PayloadNames!.IndexOf(name) is var at and >= 0 ? Convert.ToInt64(e.Payload![at], System.Globalization.CultureInfo.InvariantCulture) : 0;
}
