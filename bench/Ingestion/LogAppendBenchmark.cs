using System.Diagnostics;
using Recsys.Bench.Harness;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Bench.Ingestion;

/// <summary>
/// The SQLite event log alone: the ingestion benchmark's events appended in its batches, one at a time, into a
/// fresh file (WAL, durable commits). Separates the log's share of ingestion from the grains'; the CPU per event
/// it prints is the process's, so it counts SQLite's work as well as ours.
/// </summary>
public static class LogAppendBenchmark
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(int events, int users, int batchSize)
    {
        var directory = Path.Combine(Path.GetTempPath(), "recsys-bench-log-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        try
        {
            var log = new SqliteEngagementLog(new EngagementLogOptions { Provider = EngagementLogProvider.Sqlite, FilePath = Path.Combine(directory, "log.db") }, "bench");
            var now = DateTimeOffset.UtcNow;
            var batches = BenchData.Events(events, users, now)
                .Select(e => new PendingEngagement(e, e.PostId)) // the post's author is the post's id in BenchData
                .Chunk(batchSize)
                .ToArray();
            await log.AppendAsync(batches[0], now); // the schema and the tails, outside the measurement

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var latencies = new LatencyRecorder(batches.Length);
            var clock = Stopwatch.StartNew();
            foreach (var batch in batches.Skip(1))
            {
                var started = Stopwatch.GetTimestamp();
                await log.AppendAsync(batch, now);
                latencies.Add(Stopwatch.GetTimestamp() - started);
            }

            var elapsed = clock.Elapsed;
            var appended = events - batches[0].Length;
            Console.Error.WriteLine($"log append: {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / Math.Max(appended, 1):F2} µs CPU/event");
            return [new BenchResult($"append to the SQLite log (batch {batchSize:N0}, one at a time); µs = per batch", appended, elapsed, latencies.Percentile(0.5), latencies.Percentile(0.99))];
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
