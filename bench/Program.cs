using Recsys.Bench.Harness;
using Recsys.Bench.Ping;

// One program maps benchmark names to runs: dotnet run -c Release --project bench -- <name> [seconds]
var name = args.Length > 0 ? args[0] : "ping";
var seconds = args.Length > 1 && double.TryParse(args[1], out var s) ? s : 10;
var duration = TimeSpan.FromSeconds(seconds);

IReadOnlyList<BenchResult> results = name switch
{
    "ping" => await InSiloPingBenchmark.RunAsync(duration),
    _ => throw new ArgumentException($"unknown benchmark '{name}'; known: ping"),
};

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
Console.WriteLine(BenchResult.Header);
foreach (var result in results)
{
    Console.WriteLine(result);
}
