namespace Recsys.Bench.Harness;

/// <summary>One measured scenario, printed as a Markdown table row.</summary>
public sealed record BenchResult(string Name, long Operations, TimeSpan Elapsed, double P50Microseconds, double P99Microseconds)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;

    public static string Header =>
        "| scenario | operations | seconds | ops/s | p50 µs | p99 µs |\n|---|---:|---:|---:|---:|---:|";

    public override string ToString() =>
        $"| {Name} | {Operations:N0} | {Elapsed.TotalSeconds:F2} | {PerSecond:N0} | {P50Microseconds:F2} | {P99Microseconds:F2} |";
}
