namespace Recsys.Runtime.Metrics;

/// <summary>
/// Calls, errors and a latency histogram for one (grain type, method) on this silo. Updated with interlocked
/// increments on the call path; buckets are powers of two of microseconds, enough for p50/p99 on a dashboard.
/// </summary>
public sealed class MethodStatistics
{
    /// <summary>Bucket i counts calls that took less than 2^i microseconds (the last bucket: everything longer).</summary>
    public const int BucketCount = 32;

    private readonly long[] _buckets = new long[BucketCount];
    private long _calls;
    private long _errors;
    private long _totalMicroseconds;

    public MethodStatistics(string grainType, string method)
    {
        GrainType = grainType;
        Method = method;
    }

    public string GrainType { get; }

    public string Method { get; }

    public long Calls => Interlocked.Read(ref _calls);

    public long Errors => Interlocked.Read(ref _errors);

    public void Record(double microseconds, bool error)
    {
        Interlocked.Increment(ref _calls);
        if (error)
        {
            Interlocked.Increment(ref _errors);
        }

        var whole = (long)microseconds;
        Interlocked.Add(ref _totalMicroseconds, whole);
        var bucket = whole <= 0 ? 0 : Math.Min(BucketCount - 1, 64 - long.LeadingZeroCount(whole));
        Interlocked.Increment(ref _buckets[bucket]);
    }

    public MethodStatisticsSnapshot Snapshot()
    {
        var buckets = new long[BucketCount];
        for (var i = 0; i < BucketCount; i++)
        {
            buckets[i] = Interlocked.Read(ref _buckets[i]);
        }

        var calls = Calls;
        return new MethodStatisticsSnapshot(GrainType, Method, calls, Errors,
            calls == 0 ? 0 : Interlocked.Read(ref _totalMicroseconds) / (double)calls,
            Percentile(buckets, calls, 0.5), Percentile(buckets, calls, 0.99));
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
