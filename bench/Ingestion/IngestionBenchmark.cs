using System.Diagnostics;
using System.Runtime;
using Recsys.Bench.Harness;
using Recsys.Client;
using Recsys.Grains.BulkLoad;
using Recsys.Grains.Fanout;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;

namespace Recsys.Bench.Ingestion;

/// <summary>
/// Engagements through the cluster client into grains, durable: one silo on SQLite (state, reminders and the event
/// log in one file, as `dotnet run --project Silo` runs; or PostgreSQL when RECSYS_BENCH_PG is set), users and posts bulk-loaded first, then the events sent
/// through the gateway in batches, several in flight. An event counts once the silo acknowledged it: appended to
/// the log in the batch's transaction and applied to its Post grain and both User grains in memory.
/// </summary>
public static class IngestionBenchmark
{
    public const int DefaultEvents = 1_000_000;
    public const int DefaultUsers = 100_000;
    public const int DefaultBatchSize = 5_000;
    public const int DefaultConcurrency = 4;

    /// <summary>Events sent before the measured phase, over the same users and posts (a fifth argument changes it).</summary>
    public const int DefaultWarmupEvents = 50_000;

    /// <summary>The warm-up's events go in this many rounds, each followed by a pause until the JIT is quiet.</summary>
    public const int WarmupRounds = 5;

    /// <summary>
    /// The batch of the warm-up's rounds but its last: small, so that code run once per batch (the ingest grain, the
    /// log's append, the batchers' entry) runs 200 times in a 50,000-event warm-up, past tiered compilation's two 30-call
    /// thresholds (tier 0, then instrumented tier 1), instead of 10 times. The last round sends full batches, so that
    /// pooled per-batch collections reach their size before the phase. The events, and so the grains' state, are the same.
    /// </summary>
    public const int WarmupBatchSize = 200;

    /// <summary>Set to 0 to send the warm-up in one go with no pause (the protocol of the first sixteen passes).</summary>
    public const string JitSettleVariable = "RECSYS_BENCH_JIT_SETTLE";

    /// <summary>When set to a file name, the methods compiled during the measured phase are written there with their tier.</summary>
    public const string JitLogVariable = "RECSYS_BENCH_JIT_LOG";

    /// <summary>When set (a connection string to an empty database), the silo keeps everything in PostgreSQL instead.</summary>
    public const string PostgresVariable = "RECSYS_BENCH_PG";

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(int events, int users, int batchSize, int concurrency, int warmupEvents)
    {
        var directory = Path.Combine(Path.GetTempPath(), "recsys-bench-ingest-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "recsys.db");
        var now = DateTimeOffset.UtcNow;
        var results = new List<BenchResult>();
        try
        {
            // A small pool per data source: the silo opens several (state, log, reminders) and the server allows ~100 clients.
            var postgres = Environment.GetEnvironmentVariable(PostgresVariable) is { } connection
                ? new Npgsql.NpgsqlConnectionStringBuilder(connection) { MaxPoolSize = 16 }.ConnectionString
                : null;
            var setup = Stopwatch.StartNew();
            BulkTarget target = postgres is null ? new SqliteBulkTarget(database) : new PostgresBulkTarget(postgres);
            var loaded = await new BulkLoader(target, new BulkLoadOptions()).LoadAsync(BenchData.Entities(users, now));
            results.Add(new BenchResult($"setup: bulk load {users:N0} users + {users:N0} posts into {(postgres is null ? "SQLite" : "PostgreSQL")}",
                loaded.StatesWritten, setup.Elapsed, 0, 0));

            await using var silo = postgres is null ? await BenchSilo.StartAsync(database) : await BenchSilo.StartPostgresAsync(postgres);
            await using var client = await ClusterClient.ConnectAsync(new ClusterClientOptions { Gateways = [silo.Gateway] });
            var ingest = client.GrainFactory.GetGrain<IEngagementIngestGrain>(0);
            setup.Restart(); // activate every user and post grain first (state read, log replay), so the run measures ingestion
            var ids = Enumerable.Range(1, users).Select(i => (long)i).ToArray();
            await BoundedParallel.ForEachAsync(ids, 256, id => client.GrainFactory.GetGrain<IUserGrain>(id).Exists());
            await BoundedParallel.ForEachAsync(ids, 256, id => client.GrainFactory.GetGrain<IPostGrain>(id).TryGetInfo());
            results.Add(new BenchResult("setup: activate every user and post grain through the client", users * 2L, setup.Elapsed, 0, 0));
            var data = BenchData.Events(events, users, now); // before the warm-up, so that what generating it made hot compiles in the warm-up's pauses
            await WarmUpAsync(ingest, BenchData.Events(warmupEvents, users, now, seed: 7), batchSize, concurrency);

            var latencies = new LatencyRecorder(data.Length / batchSize + 1);
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var gcPause = GC.GetTotalPauseDuration();
            var allocated = GC.GetTotalAllocatedBytes();
            var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var (jitted, jitTime) = (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());
            var faults = PageFaults.Minor();
            using var sampler = AllocationSampler.StartIfAsked();
            using var jitLog = JitLog.StartIfAsked(JitLogVariable);
            MarkPhase("ingest started");
            var clock = Stopwatch.StartNew();
            var accepted = await SendAsync(ingest, data, batchSize, concurrency, latencies);
            var elapsed = clock.Elapsed;
            MarkPhase("ingest ended");
            jitLog?.StopAndWrite();
            sampler?.StopAndPrint();
            if (sampler is not null)
            {
                // What the last young collection kept: a grain's state grows with every event, so survivors, not garbage, make the GC's work.
                var young = GC.GetGCMemoryInfo(GCKind.Ephemeral);
                Console.Error.WriteLine($"last young GC (gen{young.Generation}): promoted {young.PromotedBytes / 1e6:F0} MB, paused {young.PauseDurations[0].TotalMilliseconds:F0} ms, heap {young.HeapSizeBytes / 1e6:F0} MB");
                var promoted = sampler.Promoted;
                Console.Error.WriteLine($"promoted during the run: {promoted.Gen0 / (double)Math.Max(accepted, 1):N0} bytes/event out of gen0, {promoted.Gen1 / (double)Math.Max(accepted, 1):N0} out of gen1");
            }

            process.Refresh();
            results.Add(new BenchResult($"ingest through client, durable (batch {batchSize:N0}, {concurrency} in flight); µs = per batch",
                accepted, elapsed, latencies.Percentile(0.5), latencies.Percentile(0.99)));

            // CPU per event (client, gateway and silo share this process) holds still when other work shares the cores.
            var perEvent = Math.Max(accepted, 1);
            Console.Error.WriteLine(
                $"ingest: {(process.TotalProcessorTime - cpu).TotalMicroseconds / perEvent:F1} µs CPU/event, " +
                $"{(GC.GetTotalAllocatedBytes() - allocated) / perEvent:N0} bytes allocated/event, " +
                $"GC pauses {(GC.GetTotalPauseDuration() - gcPause).TotalMicroseconds / perEvent:F1} µs/event, " +
                $"collections gen0/1/2 {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}, " +
                $"{JitInfo.GetCompiledMethodCount() - jitted:N0} methods compiled in {(JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:N0} ms, " +
                $"{PageFaults.Minor() - faults:N0} page faults");

            clock.Restart();
            await silo.DisposeAsync(); // every touched grain checkpoints
            results.Add(new BenchResult("graceful stop: every grain checkpoints", users * 2, clock.Elapsed, 0, 0));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        return results;
    }

    // The same warm-up events either way, so the grains hold the same state when the phase starts; the pauses only let
    // tiered compilation finish promoting what the warm-up made hot, as it has in a silo that has run for a while.
    private static async Task WarmUpAsync(IEngagementIngestGrain ingest, EngagementEvent[] events, int batchSize, int concurrency)
    {
        var settle = Environment.GetEnvironmentVariable(JitSettleVariable) != "0";
        var rounds = settle ? WarmupRounds : 1;
        var (methods, waited) = (0L, TimeSpan.Zero);
        for (var round = 0; round < rounds; round++)
        {
            var (from, to) = (events.Length * round / rounds, events.Length * (round + 1) / rounds);
            await SendAsync(ingest, events[from..to], round < rounds - 1 ? Math.Min(batchSize, WarmupBatchSize) : batchSize, concurrency);
            if (settle)
            {
                var quiet = await JitQuiet.WaitAsync(quiet: TimeSpan.FromMilliseconds(300), limit: TimeSpan.FromSeconds(10));
                (methods, waited) = (methods + quiet.Methods, waited + quiet.Waited);
            }
        }

        Console.Error.WriteLine(settle
            ? $"warm-up: {events.Length:N0} events in {rounds} rounds (batches of {Math.Min(batchSize, WarmupBatchSize):N0}, the last of {batchSize:N0}), each followed by a pause until the JIT was quiet: {methods:N0} methods compiled in {waited.TotalSeconds:F1} s of pauses"
            : $"warm-up: {events.Length:N0} events in one go, no pause ({JitSettleVariable}=0)");
    }

    // A monotonic timestamp (CLOCK_MONOTONIC on Linux) to cut a `perf record -k CLOCK_MONOTONIC` profile to one phase.
    private static void MarkPhase(string phase) =>
        Console.Error.WriteLine($"{phase} at {Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency:F6} s (monotonic)");

    private static async Task<long> SendAsync(IEngagementIngestGrain ingest, EngagementEvent[] events, int batchSize, int concurrency, LatencyRecorder? latencies = null)
    {
        long accepted = 0;
        await Parallel.ForEachAsync(events.Chunk(batchSize), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (batch, _) =>
        {
            var started = Stopwatch.GetTimestamp();
            var result = await ingest.Ingest(batch);
            latencies?.Add(Stopwatch.GetTimestamp() - started);
            if (result.Rejected.Count > 0)
            {
                throw new InvalidOperationException($"rejected: {result.Rejected[0].Field} {result.Rejected[0].Error}");
            }

            Interlocked.Add(ref accepted, result.Accepted);
        });
        return accepted;
    }
}
