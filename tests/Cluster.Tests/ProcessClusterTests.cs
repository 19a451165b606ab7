using System.Diagnostics;
using Recsys.Client;
using Recsys.Cluster.Tests.Support;
using Recsys.Grains.Interfaces.Users;
using Xunit.Abstractions;

namespace Recsys.Cluster.Tests;

/// <summary>Three real silo processes against one PostgreSQL: the deployment the README describes.</summary>
[Trait("Category", "Functional")]
[Trait("Area", "Membership")]
public sealed class ProcessClusterTests(ITestOutputHelper output)
{
    private const string ClusterKey = "process-test-key";

    private static readonly Dictionary<string, string> FastDetection = new()
    {
        ["Recsys__Membership__ProbeTimeout"] = "00:00:01",
        ["Recsys__Membership__TableRefreshTimeout"] = "00:00:02",
    };

    [SkippableFact]
    public async Task KillingASiloProcessWithoutAGoodbyeLeavesEveryGrainAnsweringWithItsAcknowledgedState()
    {
        var postgres = PostgresTestDatabase.GetConnectionStringOrSkip();
        var clusterId = "processes-" + Guid.NewGuid().ToString("N")[..8];
        var silos = Enumerable.Range(0, 3).Select(_ => SiloProcess.Start(postgres, clusterId, ClusterKey, FastDetection)).ToList();
        try
        {
            var addresses = new List<string>();
            foreach (var silo in silos)
            {
                addresses.Add(SiloProcess.AddressIn(await silo.Started.WaitAsync(TimeSpan.FromSeconds(60))));
            }

            await using var client = await ClusterClient.ConnectAsync(new ClusterClientOptions
            {
                Gateways = [],
                MembershipConnectionString = postgres,
                ClusterId = clusterId,
                ClusterKey = ClusterKey,
            });
            Assert.Equal(3, client.LiveGateways.Count);
            var users = Enumerable.Range(1, 30).Select(i => new UserProfile(i, "user" + i, "en", "SE", DateTimeOffset.UtcNow.AddDays(-i))).ToList();
            await Task.WhenAll(users.Select(u => client.GrainFactory.GetGrain<IUserGrain>(u.Id).Upsert(u)));

            var victim = addresses[2];
            var declared = Task.WhenAny(silos.Take(2).Select(s => s.WaitForLine(line => line.Contains($"Declared silo {victim} dead", StringComparison.Ordinal))));
            var clock = Stopwatch.StartNew();
            silos[2].Kill();
            await (await declared).WaitAsync(TimeSpan.FromSeconds(60));
            output.WriteLine($"silo {victim} declared dead {clock.ElapsedMilliseconds} ms after kill -9 (probe 1 s x 3 misses)");

            var profiles = await Task.WhenAll(users.Select(u => client.GrainFactory.GetGrain<IUserGrain>(u.Id).GetProfile()));
            Assert.Equal(users.Select(u => u.Handle), profiles.Select(p => p.Handle));
            output.WriteLine($"all 30 users answered {clock.ElapsedMilliseconds} ms after the kill");
        }
        finally
        {
            foreach (var silo in silos)
            {
                output.WriteLine(silo.Log.Split('\n').LastOrDefault() ?? "");
                await silo.DisposeAsync();
            }
        }
    }
}
