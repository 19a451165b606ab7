using System.Globalization;
using Recsys.Bench.ForYou;
using Recsys.Bench.Harness;
using Recsys.Bench.Ingestion;
using Recsys.Bench.Ping;
using Recsys.Bench.Reputation;
using Recsys.Bench.SideBySide;
using Recsys.Bench.SimClusters;
using Recsys.Bench.Training;

// One program maps benchmark names to runs: dotnet run -c Release --project bench -- <name> [arguments]
var name = args.Length > 0 ? args[0] : "ping";
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");

switch (name)
{
    case "ping":
        Print(await InSiloPingBenchmark.RunAsync(TimeSpan.FromSeconds(Number(1, 10))));
        break;
    case "cluster-ping":
        Print(await ClusterPingBenchmark.RunAsync(TimeSpan.FromSeconds(Number(1, 10))));
        break;
    case "tweepcred":
        Print(await TweepcredBenchmark.RunAsync((int)Number(1, TweepcredBenchmark.DefaultUsers), (int)Number(2, TweepcredBenchmark.DefaultEdges)));
        break;
    case "tweepcred-cluster":
        Print(await TweepcredClusterBenchmark.RunAsync((int)Number(1, TweepcredBenchmark.DefaultUsers), (int)Number(2, TweepcredBenchmark.DefaultEdges), (int)Number(3, 1), (int)Number(4, 0)));
        break;
    case "for-you":
        Print(await ForYouBenchmark.RunAsync((int)Number(1, ForYouBenchmark.DefaultUsers), Number(2, 100), Number(3, 7.7), Number(4, 16), (int)Number(5, 20),
            args.Contains("--sqlite"), args.SkipWhile(a => a != "--db").Skip(1).FirstOrDefault()));
        break;
    case "side-by-side": // issue 10: Recsys and a PostgreSQL-only For You on the same data (args: users follows posts views seconds)
        Print(await SideBySideBenchmark.RunAsync(PostgresConnection(), (int)Number(1, 20_000), Number(2, 100), Number(3, 7.7), Number(4, 16), (int)Number(5, 20)));
        break;
    case "side-by-side-check": // issue 10: the PostgreSQL version's rules on a hand-built world
        var failed = await PostgresForYouSelfCheck.RunAsync(PostgresConnection());
        Console.WriteLine(failed.Count == 0 ? "side-by-side-check: all rules hold" : "side-by-side-check failed:\n  " + string.Join("\n  ", failed));
        return failed.Count == 0 ? 0 : 1;
    case "tweepcred-grains":
        Print(await TweepcredGrainsBenchmark.RunAsync((int)Number(1, 100_000), (int)Number(2, 2_000_000), (int)Number(3, 1)));
        break;
    case "knownfor":
        var rows = await KnownForBenchmark.RunAsync((int)Number(1, 100_000));
        Console.WriteLine(KnownForBenchRow.Header);
        foreach (var row in rows)
        {
            Console.WriteLine(row);
        }

        break;
    case "simclusters-job":
        PrintRows(await SimClustersJobBenchmark.RunAsync((int)Number(1, 20_000), (int)Number(2, 0)));
        break;
    case "simclusters-real":
        PrintRows(SimClustersRealGraphBenchmark.Run(args.Length > 1 ? args[1] : "all"));
        break;
    case "post-likes": // issue 6: the post embedding's update per like alone (args: likes)
        Print(PostLikeBenchmark.Run((int)Number(1, 1_000_000)));
        break;
    case "user-state": // issue 6: a User grain's state changes per engagement alone, up to its caps (args: events users authors)
        Print(UserStateBenchmark.Run((int)Number(1, 2_000_000), (int)Number(2, 1_000), (int)Number(3, 100_000)));
        break;
    case "memory-latency": // issue 6: what a cache miss costs here, and how many overlap (args: megabytes loads)
        Print(MemoryLatencyBenchmark.Run((int)Number(1, 1_024), (int)Number(2, 20_000_000)));
        break;
    case "ingest": // issue 6: events through the client into grains, durable on SQLite
        Print(await IngestionBenchmark.RunAsync((int)Number(1, IngestionBenchmark.DefaultEvents), (int)Number(2, IngestionBenchmark.DefaultUsers),
            (int)Number(3, IngestionBenchmark.DefaultBatchSize), (int)Number(4, IngestionBenchmark.DefaultConcurrency),
            (int)Number(5, IngestionBenchmark.DefaultWarmupEvents)));
        break;
    case "log-append": // issue 6: the SQLite event log alone (args: events users batch)
        Print(await LogAppendBenchmark.RunAsync((int)Number(1, IngestionBenchmark.DefaultEvents), (int)Number(2, IngestionBenchmark.DefaultUsers), (int)Number(3, IngestionBenchmark.DefaultBatchSize)));
        break;
    case "ingest-http": // issue 6: POST /api/engagements against a running silo (args: url events users)
        Print(await HttpIngestionBenchmark.RunAsync(args.Length > 1 ? args[1] : HttpIngestionBenchmark.DefaultUrl, (int)Number(2, 200_000), (int)Number(3, 10_000)));
        break;
    case "import-higgs": // issue 6: the Higgs activity log through the client and bulk-loaded (args: file, --bulk-only)
        Print(await HiggsImportBenchmark.RunAsync(args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : HiggsImportBenchmark.DefaultFile,
            throughClient: !args.Contains("--bulk-only")));
        break;
    case "activation-lookup": // issue 6: the catalog's lookup alone (args: grains lookups)
        Print(ActivationLookupBenchmark.Run((int)Number(1, 200_000), (int)Number(2, 10_000_000)));
        break;
    case "grain-memory": // issue 6: bytes per active user and post grain
        Print(await GrainMemoryBenchmark.RunAsync((int)Number(1, 100_000)));
        break;
    case "training": // issue 10: held-out AUC per head, trained vs default-v0 (args: users viewers rounds [--sqlite])
        Console.WriteLine(TrainingBenchmark.Table(await TrainingBenchmark.RunAsync((int)Number(1, 5_000), (int)Number(2, 2_000), (int)Number(3, 4), args.Contains("--sqlite"))));
        break;
    default:
        Console.Error.WriteLine($"unknown benchmark '{name}'; known: ping, cluster-ping, for-you, side-by-side, side-by-side-check, tweepcred, tweepcred-cluster, tweepcred-grains, knownfor, simclusters-job, simclusters-real, ingest, log-append, ingest-http, import-higgs, activation-lookup, grain-memory, training");
        return 2;
}

return 0;

// The PostgreSQL benchmarks need a server: `.ci/run dotnet run ...` starts a throwaway one and exports RECSYS_TEST_PG.
static string PostgresConnection()
{
    if (Environment.GetEnvironmentVariable("RECSYS_TEST_PG") is { Length: > 0 } connection)
    {
        return connection;
    }

    Console.Error.WriteLine("RECSYS_TEST_PG is not set: run under .ci/run, which starts a throwaway PostgreSQL");
    Environment.Exit(2);
    return "";
}

double Number(int index, double fallback) =>
    args.Length > index && double.TryParse(args[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : fallback;

static void PrintRows(IReadOnlyList<KnownForBenchRow> rows)
{
    Console.WriteLine(KnownForBenchRow.Header);
    foreach (var row in rows)
    {
        Console.WriteLine(row);
    }
}

static void Print(IReadOnlyList<BenchResult> results)
{
    Console.WriteLine(BenchResult.Header);
    foreach (var result in results)
    {
        Console.WriteLine(result);
    }
}
