using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Recsys.Bench.Harness;

/// <summary>
/// The methods the JIT compiles while <see cref="Recording"/> is on, each with its tier, from the runtime's own
/// method-load events: which code a measured phase is still compiling, and why (issue 6, seventeenth pass).
/// </summary>
public sealed class JitLog : EventListener
{
    // The runtime's JIT keyword and the tier bits of MethodLoadVerbose's MethodFlags (bits 7-9; eventtrace.h).
    private const EventKeywords JitKeyword = (EventKeywords)0x10;
    private const int TierShift = 7;

    private static readonly string[] Tiers =
        ["unknown", "minopts", "optimized", "tier0", "tier1", "tier1-osr", "tier0-instrumented", "tier1-instrumented"];

    private readonly ConcurrentQueue<string> _methods = new();
    private readonly string _path;

    private JitLog(string path) => _path = path;

    public bool Recording { get; private set; }

    /// <summary>A recording log when <paramref name="variable"/> names a file to write it to, else null.</summary>
    public static JitLog? StartIfAsked(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } path ? new JitLog(path) { Recording = true } : null;

    /// <summary>Stops recording and writes one line per method, tier then name, to the file.</summary>
    public void StopAndWrite()
    {
        Recording = false;
        File.WriteAllLines(_path, _methods);
        Console.Error.WriteLine($"{_methods.Count:N0} methods compiled in the phase, by tier and name: {_path}");
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!Recording || e.EventName?.StartsWith("MethodLoadVerbose", StringComparison.Ordinal) != true || e.Payload is null || e.PayloadNames is null)
        {
            return;
        }

        var flags = Convert.ToUInt32(e.Payload[e.PayloadNames.IndexOf("MethodFlags")], System.Globalization.CultureInfo.InvariantCulture);
        var tier = (int)((flags >> TierShift) & 7);
        _methods.Enqueue($"{Tiers[tier]}\t{e.Payload[e.PayloadNames.IndexOf("MethodNamespace")]}::{e.Payload[e.PayloadNames.IndexOf("MethodName")]}");
    }
}
