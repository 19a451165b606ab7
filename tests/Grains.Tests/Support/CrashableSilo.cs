using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recsys.Runtime;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Hosting;

namespace Recsys.Grains.Tests.Support;

/// <summary>
/// A silo that can be killed: <see cref="KillAsync"/> disposes the host without stopping it, so no activation
/// deactivates, no checkpoint is written and nothing in memory survives, as when the process dies. (The runtime's
/// TestCluster only stops silos gracefully.)
/// </summary>
public sealed class CrashableSilo : IAsyncDisposable
{
    private WebApplication? _app;

    private CrashableSilo(WebApplication app) => _app = app;

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => (_app ?? throw new InvalidOperationException("The silo was killed.")).Services;

    public static async Task<CrashableSilo> StartAsync(Action<SiloBuilder> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var (siloPort, gatewayPort) = (FreePort(), FreePort());
        builder.Services.AddRecsysSilo(silo =>
        {
            silo.Configure<EndpointOptions>(e => (e.SiloPort, e.GatewayPort) = (siloPort, gatewayPort));
            configure(silo);
        });
        var app = builder.Build();
        await app.StartAsync();
        return new CrashableSilo(app);
    }

    /// <summary>Dies without deactivating anything.</summary>
    public async Task KillAsync()
    {
        var app = _app;
        _app = null;
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
