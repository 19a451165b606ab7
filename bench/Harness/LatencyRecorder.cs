using System.Diagnostics;

namespace Recsys.Bench.Harness;

/// <summary>Collects per-operation latencies (Stopwatch ticks) and reports percentiles in microseconds.</summary>
public sealed class LatencyRecorder
{
    private readonly long[] _samples;
    private int _count;

    public LatencyRecorder(int capacity) => _samples = new long[capacity];

    public void Add(long ticks)
    {
        var index = Interlocked.Increment(ref _count) - 1;
        if (index < _samples.Length)
        {
            _samples[index] = ticks;
        }
    }

    public double Percentile(double quantile)
    {
        var n = Math.Min(_count, _samples.Length);
        if (n == 0)
        {
            return 0;
        }

        var sorted = _samples[..n];
        Array.Sort(sorted);
        var rank = Math.Clamp((int)Math.Ceiling(quantile * n) - 1, 0, n - 1);
        return sorted[rank] * 1_000_000.0 / Stopwatch.Frequency;
    }
}
