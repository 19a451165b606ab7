namespace Recsys.Bench.SimClusters;

/// <summary>One phase of the KnownFor job, printed as a Markdown table row.</summary>
/// <param name="Phase">What ran.</param>
/// <param name="Producers">Producers in the input graph.</param>
/// <param name="Elapsed">Wall-clock time of the phase.</param>
/// <param name="AllocatedBytes">Managed bytes allocated during the phase.</param>
/// <param name="HeapBytes">Managed heap size after the phase, after a full collection (what the job holds).</param>
/// <param name="PeakWorkingSetBytes">Process peak working set so far.</param>
/// <param name="Nmi">NMI against the planted truth, for phases that produce communities.</param>
/// <param name="Notes">Sizes and settings.</param>
public sealed record KnownForBenchRow(
    string Phase, int Producers, TimeSpan Elapsed, long AllocatedBytes, long HeapBytes, long PeakWorkingSetBytes, double? Nmi, string Notes)
{
    public static string Header =>
        "| phase | producers | seconds | allocated MB | heap after MB | peak working set MB | NMI | notes |\n|---|---:|---:|---:|---:|---:|---:|---|";

    public override string ToString() =>
        $"| {Phase} | {Producers:N0} | {Elapsed.TotalSeconds:F2} | {Mb(AllocatedBytes):N0} | {Mb(HeapBytes):N0} | {Mb(PeakWorkingSetBytes):N0} | {(Nmi is { } nmi ? nmi.ToString("F3") : "")} | {Notes} |";

    private static double Mb(long bytes) => bytes / (1024.0 * 1024.0);
}
