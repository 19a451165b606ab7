using System.Globalization;
using Recsys.Bench.Harness;
using Recsys.Bench.Ping;
using Recsys.Bench.Reputation;
using Recsys.Bench.SimClusters;

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
    case "knownfor":
        var rows = await KnownForBenchmark.RunAsync((int)Number(1, 100_000));
        Console.WriteLine(KnownForBenchRow.Header);
        foreach (var row in rows)
        {
            Console.WriteLine(row);
        }

        break;
    default:
        Console.Error.WriteLine($"unknown benchmark '{name}'; known: ping, cluster-ping, tweepcred, knownfor");
        return 2;
}

return 0;

double Number(int index, double fallback) =>
    args.Length > index && double.TryParse(args[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : fallback;

static void Print(IReadOnlyList<BenchResult> results)
{
    Console.WriteLine(BenchResult.Header);
    foreach (var result in results)
    {
        Console.WriteLine(result);
    }
}
