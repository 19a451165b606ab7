using System.Numerics;

namespace Recsys.Runtime.Metrics;

/// <summary>
/// Calls, errors and a latency histogram for one (grain type, method) on this silo. Updated with interlocked
/// increments on the call path; buckets are powers of two of microseconds, enough for p50/p99 on a dashboard.
/// </summary>
/// <remarks>
/// Every call to a method lands here, from every core. One set of counters made each increment wait for the cache
/// line the other core had just written (issue 6: three per call, about three calls per ingested event), so each
/// processor counts in its own stripe, padded to whole cache lines, and a snapshot adds the stripes up.
/// </remarks>
public sealed class MethodStatistics
{
    /// <summary>Bucket i counts calls that took less than 2^i microseconds (the last bucket: everything longer).</summary>
    public const int BucketCount = 32;

    private const int CallsOffset = 0;
    private const int ErrorsOffset = 1;
    private const int TotalOffset = 2;
    private const int BucketsOffset = 3;
    private const int Stride = 40; // 3 + 32 counters, rounded up to five 64-byte lines
    private const int Padding = 8; // one line before the first stripe, away from the array's header

    private static readonly int s_stripeMask = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(Environment.ProcessorCount, 1, 64)) - 1;
    private readonly long[] _counters = new long[Padding + (s_stripeMask + 1) * Stride];

    public MethodStatistics(string grainType, string method)
    {
        GrainType = grainType;
        Method = method;
    }

    public string GrainType { get; }

    public string Method { get; }

    public long Calls => Sum(CallsOffset);

    public long Errors => Sum(ErrorsOffset);

    public void Record(double microseconds, bool error)
    {
        // Interlocked still: a thread may move to another processor between reading its id and counting.
        var stripe = Padding + (Thread.GetCurrentProcessorId() & s_stripeMask) * Stride;
        Interlocked.Increment(ref _counters[stripe + CallsOffset]);
        if (error)
        {
            Interlocked.Increment(ref _counters[stripe + ErrorsOffset]);
        }

        var whole = (long)microseconds;
        Interlocked.Add(ref _counters[stripe + TotalOffset], whole);
        var bucket = whole <= 0 ? 0 : Math.Min(BucketCount - 1, 64 - long.LeadingZeroCount(whole));
        Interlocked.Increment(ref _counters[stripe + BucketsOffset + bucket]);
    }

    public MethodStatisticsSnapshot Snapshot()
    {
        var buckets = new long[BucketCount];
        for (var i = 0; i < BucketCount; i++)
        {
            buckets[i] = Sum(BucketsOffset + i);
        }

        var calls = Calls;
        return new MethodStatisticsSnapshot(GrainType, Method, calls, Errors,
            calls == 0 ? 0 : Sum(TotalOffset) / (double)calls,
            Percentile(buckets, calls, 0.5), Percentile(buckets, calls, 0.99));
    }

    private long Sum(int offset)
    {
        long sum = 0;
        for (var stripe = Padding; stripe < _counters.Length; stripe += Stride)
        {
            sum += Interlocked.Read(ref _counters[stripe + offset]);
        }

        return sum;
    }

    // Upper bound of the bucket holding the requested rank.
    private static double Percentile(long[] buckets, long total, double quantile)
    {
        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(total * quantile);
        long seen = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            seen += buckets[i];
            if (seen >= rank)
            {
                return Math.Pow(2, i);
            }
        }

        return Math.Pow(2, buckets.Length - 1);
    }
}

/// <summary>A copy of one method's statistics; latencies in microseconds (percentiles are bucket upper bounds).</summary>
public sealed record MethodStatisticsSnapshot(string GrainType, string Method, long Calls, long Errors, double MeanMicroseconds, double P50Microseconds, double P99Microseconds);
