using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Recsys.Bench.Harness;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Bench.Ingestion;

/// <summary>
/// The HTTP API's ingestion rate against a running silo (start one with `dotnet run -c Release --project Silo --
/// --no-sample --data-dir DIR`): creates users and posts through POST /api/users and /api/posts, then sends
/// engagements as POST /api/engagements bodies of 10,000 events, four in flight. Serialization is counted, as a
/// client would pay it.
/// </summary>
public static class HttpIngestionBenchmark
{
    public const string DefaultUrl = "http://127.0.0.1:5080";
    private const int BatchSize = 10_000;
    private const int Concurrency = 4;
    private const int Setup = 64;

    // The API's settings (Silo/Api/ApiJson.cs): enums as camelCase strings, numbers are refused.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(string url, int events, int users)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
        var now = DateTimeOffset.UtcNow;
        var offset = Random.Shared.Next(1, 1_000) * 1_000_000L; // fresh ids on a silo used before
        var entities = BenchData.Entities(users, now);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(entities.Users, new ParallelOptions { MaxDegreeOfParallelism = Setup }, async (u, _) =>
            (await http.PostAsJsonAsync("/api/users", u with { Id = u.Id + offset, Handle = "b" + (u.Id + offset) }, Json)).EnsureSuccessStatusCode());
        await Parallel.ForEachAsync(entities.Posts, new ParallelOptions { MaxDegreeOfParallelism = Setup }, async (p, _) =>
            (await http.PostAsJsonAsync("/api/posts", p with { Id = p.Id + offset, AuthorId = p.AuthorId + offset }, Json)).EnsureSuccessStatusCode());
        var setup = new BenchResult($"setup over HTTP: {users:N0} users + {users:N0} posts", users * 2L, clock.Elapsed, 0, 0);

        var data = BenchData.Events(events, users, now, seed: (int)(offset / 1_000_000))
            .Select(e => e with { UserId = e.UserId + offset, PostId = e.PostId + offset }).ToArray();
        var latencies = new LatencyRecorder(events / BatchSize + 1);
        long accepted = 0;
        clock.Restart();
        await Parallel.ForEachAsync(data.Chunk(BatchSize), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (batch, _) =>
        {
            var started = Stopwatch.GetTimestamp();
            var response = await http.PostAsJsonAsync("/api/engagements", new { events = batch }, Json);
            response.EnsureSuccessStatusCode();
            var result = await response.Content.ReadFromJsonAsync<IngestResult>(Json);
            latencies.Add(Stopwatch.GetTimestamp() - started);
            Interlocked.Add(ref accepted, result!.Accepted);
        });
        return [setup, new BenchResult($"POST /api/engagements, durable (batch {BatchSize:N0}, {Concurrency} in flight); µs = per batch",
            accepted, clock.Elapsed, latencies.Percentile(0.5), latencies.Percentile(0.99))];
    }
}
