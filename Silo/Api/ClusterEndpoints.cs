using Microsoft.AspNetCore.Mvc;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Membership;

namespace Recsys.Silo.Api;

/// <summary>
/// GET /api/admin/cluster: this silo's view of the membership table. POST /api/admin/cluster/rebalance: after a
/// scale-out, every silo moves its activations above the average (at most maxMovesPerSilo each, default 1,000)
/// to the least loaded silo, each writing its state before it moves.
/// </summary>
public static class ClusterEndpoints
{
    public static void MapCluster(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/cluster", (IClusterMembership membership, ISiloControl silo) =>
        {
            var snapshot = membership.Current;
            return Results.Ok(new ClusterView(membership.LocalSilo.ToString(), snapshot.Version, silo.ActivationCount,
                snapshot.Members.Select(m => new SiloView(m.Silo.ToString(), m.Status.ToString(), m.SiloName, m.GatewayPort, m.StartTime, m.IAmAliveTime, m.SuspectTimes.Count)).ToList()));
        });

        app.MapPost("/api/admin/cluster/rebalance", async (ISiloControl silo, [FromQuery] int? maxMovesPerSilo) =>
        {
            if (maxMovesPerSilo is < 1)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["maxMovesPerSilo"] = ["must be at least 1"] });
            }

            var moved = await silo.RebalanceClusterAsync(maxMovesPerSilo ?? 1000);
            return Results.Ok(new RebalanceResult(moved));
        });
    }
}

public sealed record ClusterView(string Silo, long MembershipVersion, int Activations, IReadOnlyList<SiloView> Members);

public sealed record SiloView(string Address, string Status, string Name, int? GatewayPort, DateTimeOffset StartTime, DateTimeOffset IAmAliveTime, int SuspicionVotes);

public sealed record RebalanceResult(int Moved);
