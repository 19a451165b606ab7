using Recsys.Runtime.Hosting;

namespace Recsys.Silo.Api;

/// <summary>GET /api/health: the silo is up, with its activation count and uptime.</summary>
public static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        var started = DateTimeOffset.UtcNow;
        app.MapGet("/api/health", (ISiloControl silo, TimeProvider time) => Results.Ok(new HealthResponse(
            "ok", silo.ActivationCount, (time.GetUtcNow() - started).TotalSeconds)));
    }
}

public sealed record HealthResponse(string Status, int Activations, double UptimeSeconds);
