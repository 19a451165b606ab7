using Recsys.Runtime.Metrics;

namespace Recsys.Runtime.Tests;

[Trait("Category", "BVT")]
[Trait("Area", "Metrics")]
public sealed class MethodStatisticsTests
{
    [Fact]
    public void Counts_made_on_many_threads_add_up_exactly_in_the_snapshot()
    {
        // Eight threads record on whatever processors they run: the snapshot must add every stripe, none twice.
        var statistics = new MethodStatistics("counter", "ICounterGrain.Increment");
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                // 99 of each 100 calls take 3 µs (bucket "< 4"), one takes 1,000 µs (bucket "< 1,024"); every 50th fails.
                statistics.Record(i % 100 == 99 ? 1_000 : 3, error: i % 50 == 0);
            }
        });

        var snapshot = statistics.Snapshot();
        Assert.Equal(80_000, snapshot.Calls);
        Assert.Equal(1_600, snapshot.Errors);
        Assert.Equal((79_200 * 3 + 800 * 1_000) / 80_000.0, snapshot.MeanMicroseconds, 6);
        Assert.Equal(4, snapshot.P50Microseconds);
        Assert.Equal(4, snapshot.P99Microseconds); // the slow 1 % sits just above the 99th percentile's rank
        Assert.Equal(80_000, statistics.Calls);
        Assert.Equal(1_600, statistics.Errors);
    }

    [Fact]
    public void The_slowest_percent_moves_the_99th_percentile_to_its_bucket()
    {
        var statistics = new MethodStatistics("counter", "ICounterGrain.Increment");
        for (var i = 0; i < 1_000; i++)
        {
            statistics.Record(i < 980 ? 3 : 1_000, error: false);
        }

        var snapshot = statistics.Snapshot();
        Assert.Equal(4, snapshot.P50Microseconds);
        Assert.Equal(1_024, snapshot.P99Microseconds);
    }
}
