using System.Diagnostics;
using Recsys.Bench.Harness;
using Recsys.Client;
using Recsys.Grains.BulkLoad;
using Recsys.Grains.Import;

namespace Recsys.Bench.Ingestion;

/// <summary>
/// Importing the SNAP Higgs activity log (563,069 lines): read and plan; bulk-load into a fresh SQLite database;
/// and (unless bulk only) load through the cluster client into a silo on a fresh SQLite database, as `recsys import
/// higgs` does. Operations = events (follows + engagements). The bulk load runs first, so the process's peak working
/// set printed after it is the bulk load's (with the plan it loads).
/// </summary>
public static class HiggsImportBenchmark
{
    public const string DefaultFile = "../shared/data/higgs-activity_time.txt.gz";

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(string file, bool throughClient = true)
    {
        var results = new List<BenchResult>();
        var clock = Stopwatch.StartNew();
        var plan = HiggsPlanner.Plan(HiggsActivityReader.Read(file), DateTimeOffset.UtcNow, shiftToNow: true, file);
        results.Add(new BenchResult($"read + plan ({plan.Users.Count:N0} users, {plan.Posts.Count:N0} posts)", plan.EventCount, clock.Elapsed, 0, 0));

        await InFreshDirectoryAsync(async database =>
        {
            clock.Restart();
            var bulk = await new BulkLoader(new SqliteBulkTarget(database), new BulkLoadOptions()).LoadAsync(plan);
            var stages = string.Join(", ", bulk.Import.Stages.Select(s => $"{s.Stage} {s.Elapsed.TotalSeconds:N0} s"));
            results.Add(new BenchResult($"bulk load into SQLite ({bulk.Totals.Transactions} transactions; grain calls {bulk.LoadTime.TotalSeconds:N0} s ({stages}), " +
                $"deactivate {bulk.DeactivateTime.TotalSeconds:N0} s, write {bulk.WriteTime.TotalSeconds:N0} s; {bulk.StatesWritten:N0} states, {bulk.RowsWritten:N0} log rows; " +
                $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576:N0} MiB)", bulk.Import.Accepted, clock.Elapsed, 0, 0));
        });

        if (!throughClient)
        {
            return results;
        }

        await InFreshDirectoryAsync(async database =>
        {
            await using var silo = await BenchSilo.StartAsync(database);
            await using var client = await ClusterClient.ConnectAsync(new ClusterClientOptions { Gateways = [silo.Gateway] });
            clock.Restart();
            var imported = await new ImportRunner(client.GrainFactory, new ImportRunnerOptions()).RunAsync(plan);
            var stages = string.Join(", ", imported.Stages.Select(s => $"{s.Stage} {s.Elapsed.TotalSeconds:N0} s"));
            results.Add(new BenchResult($"through the client into a SQLite silo ({stages})", imported.Accepted, clock.Elapsed, 0, 0));
        });
        return results;
    }

    private static async Task InFreshDirectoryAsync(Func<string, Task> run)
    {
        var directory = Path.Combine(Path.GetTempPath(), "recsys-bench-higgs-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        try
        {
            await run(Path.Combine(directory, "recsys.db"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
