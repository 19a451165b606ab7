using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recsys.Bench.Harness;
using Recsys.Grains.Hosting;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Hosting;

namespace Recsys.Bench.Ingestion;

/// <summary>
/// One silo as the embedded deployment runs it (SiloApplication without HTTP): grain state, reminders and the
/// event log in one SQLite file (or in PostgreSQL), the domain grains, a gateway on a free loopback port for the client.
/// </summary>
public sealed class BenchSilo : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private BenchSilo(WebApplication app, int gatewayPort)
    {
        _app = app;
        Gateway = $"127.0.0.1:{gatewayPort}";
    }

    public string Gateway { get; }

    public IServiceProvider Services => _app.Services;

    public static Task<BenchSilo> StartAsync(string databasePath, Action<SiloBuilder>? configure = null) => StartAsync(silo =>
    {
        silo.AddSqliteGrainStorage("Default", o => o.FilePath = databasePath);
        silo.UseSqliteReminders(o => o.FilePath = databasePath);
        silo.AddRecsysDomain();
        silo.UseSqliteEngagementLog(databasePath);
        configure?.Invoke(silo);
    });

    private static async Task<BenchSilo> StartAsync(Action<SiloBuilder> stores)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        builder.Services.Configure<SchedulingOptions>(SchedulingSwitch.Apply);
        builder.Services.AddRecsysSilo(silo =>
        {
            silo.Configure<EndpointOptions>(e => (e.SiloPort, e.GatewayPort) = (siloPort, gatewayPort));
            stores(silo);
        });
        var app = builder.Build();
        await app.StartAsync();
        return new BenchSilo(app, gatewayPort);
    }

    /// <summary>The same silo with grain state, reminders and the event log in PostgreSQL (the cluster deployment's stores).</summary>
    public static Task<BenchSilo> StartPostgresAsync(string connectionString) => StartAsync(silo =>
    {
        silo.AddPostgresGrainStorage("Default", o => o.ConnectionString = connectionString);
        silo.UsePostgresReminders(o => o.ConnectionString = connectionString);
        silo.AddRecsysDomain();
        silo.UsePostgresEngagementLog(connectionString);
    });

    /// <summary>Stops gracefully (once): every grain deactivates and checkpoints.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
