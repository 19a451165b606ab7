using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recsys.Runtime.Catalog;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Membership;

namespace Recsys.Runtime.Testing;

/// <summary>
/// In-process silos for tests, each a real ASP.NET Core host with its own container, talking over loopback TCP
/// (Kestrel on both silo and gateway ports). They share one in-memory membership table and, for memory storage
/// and reminders, one set of rows, as silos of a real cluster share a database.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly Action<SiloBuilder> _configure;
    private readonly IMembershipTable _membership;
    private readonly SharedMemoryStores _stores = new();
    private readonly List<TestSilo> _silos = [];

    private TestCluster(Action<SiloBuilder> configure, IMembershipTable? membership)
    {
        _configure = configure;
        _membership = membership ?? new InMemoryMembershipTable();
    }

    /// <summary>The running silos, in start order.</summary>
    public IReadOnlyList<TestSilo> Silos
    {
        get
        {
            lock (_silos)
            {
                return _silos.ToArray();
            }
        }
    }

    /// <summary>The first running silo's grain factory (a co-hosted client).</summary>
    public IGrainFactory GrainFactory => Primary.GrainFactory;

    public IServiceProvider Services => Primary.Services;

    public ISiloControl Silo => Primary.Control;

    public IMembershipTable MembershipTable => _membership;

    private TestSilo Primary => Silos.FirstOrDefault() ?? throw new InvalidOperationException("No silo is running.");

    /// <summary>One silo.</summary>
    public static Task<TestCluster> StartAsync(Action<SiloBuilder> configure) => StartAsync(1, configure);

    public static async Task<TestCluster> StartAsync(int silos, Action<SiloBuilder> configure, IMembershipTable? membership = null)
    {
        var cluster = new TestCluster(configure, membership);
        for (var i = 0; i < silos; i++)
        {
            await cluster.StartAdditionalSiloAsync();
        }

        return cluster;
    }

    public ActivationSnapshot? GetActivation(GrainId grainId) => Silos.Select(s => s.Control.GetActivation(grainId)).FirstOrDefault(a => a is not null);

    /// <summary>Starts one more silo with the same configuration; it joins the others.</summary>
    public async Task<TestSilo> StartAdditionalSiloAsync()
    {
        var (siloPort, gatewayPort) = FreePorts();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("RECSYS_TEST_LOGS") is { Length: > 0 } level)
        {
            // debugging aid: RECSYS_TEST_LOGS=Debug prints every silo's log to the console
            builder.Logging.AddSimpleConsole().SetMinimumLevel(Enum.Parse<LogLevel>(level, ignoreCase: true));
        }
        builder.Services.AddSingleton(_membership);
        builder.Services.AddSingleton(_stores);
        builder.Services.AddRecsysSilo(silo =>
        {
            silo.Configure<EndpointOptions>(e =>
            {
                e.SiloPort = siloPort;
                e.GatewayPort = gatewayPort;
            });
            _configure(silo);
        });
        var app = builder.Build();
        await app.StartAsync();
        var silo = new TestSilo(app, gatewayPort);

        // a silo that asks to stop (it read itself dead) stops, as its process would exit
        app.Lifetime.ApplicationStopping.Register(() => _ = Task.Run(async () =>
        {
            if (Silos.Contains(silo))
            {
                await StopSiloAsync(silo);
            }
        }));
        lock (_silos)
        {
            _silos.Add(silo);
        }

        return silo;
    }

    /// <summary>Stops a silo gracefully: its activations deactivate (state written), then it leaves the cluster.</summary>
    public async Task StopSiloAsync(TestSilo silo)
    {
        lock (_silos)
        {
            _silos.Remove(silo);
        }

        await silo.App.StopAsync();
        await silo.App.DisposeAsync();
    }

    /// <summary>
    /// Kills a silo: no deactivation, no goodbye in the membership table, connections cut. The others find out by
    /// probing it, as they would after a crash.
    /// </summary>
    public async Task KillSiloAsync(TestSilo silo)
    {
        lock (_silos)
        {
            _silos.Remove(silo);
        }

        await silo.Services.GetRequiredService<Hosting.Silo>().KillAsync();
        await silo.App.StopAsync();
        await silo.App.DisposeAsync();
    }

    /// <summary>Stops every silo gracefully.</summary>
    public async Task StopSiloAsync()
    {
        foreach (var silo in Silos.Reverse())
        {
            await StopSiloAsync(silo);
        }
    }

    /// <summary>Stops every silo gracefully and starts as many again with the same configuration.</summary>
    public async Task RestartSiloAsync()
    {
        var count = Math.Max(1, Silos.Count);
        await StopSiloAsync();
        for (var i = 0; i < count; i++)
        {
            await StartAdditionalSiloAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopSiloAsync();

    private static (int Silo, int Gateway) FreePorts()
    {
        using var a = new TcpListener(IPAddress.Loopback, 0);
        using var b = new TcpListener(IPAddress.Loopback, 0);
        a.Start();
        b.Start();
        var ports = (((IPEndPoint)a.LocalEndpoint).Port, ((IPEndPoint)b.LocalEndpoint).Port);
        a.Stop();
        b.Stop();
        return ports;
    }
}

/// <summary>One silo of a test cluster.</summary>
public sealed class TestSilo
{
    internal TestSilo(WebApplication app, int gatewayPort)
    {
        App = app;
        GatewayPort = gatewayPort;
        Address = app.Services.GetRequiredService<LocalSiloDetails>().Address;
    }

    public IServiceProvider Services => App.Services;

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    public ISiloControl Control => Services.GetRequiredService<ISiloControl>();

    public SiloAddress Address { get; }

    public int GatewayPort { get; }

    /// <summary>This silo's current view of the cluster.</summary>
    public IClusterMembership Membership => Services.GetRequiredService<IClusterMembership>();

    /// <summary>Signalled when the silo's host begins to stop, on request or on its own (after reading itself dead).</summary>
    public CancellationToken Stopped => App.Lifetime.ApplicationStopping;

    /// <summary>Cuts the silo off from its peers and clients, as a network partition would.</summary>
    public void Isolate() => Services.GetRequiredService<Messaging.SiloMessageCenter>().Isolate();

    /// <summary>The gateway endpoint a client connects to, "127.0.0.1:port".</summary>
    public string Gateway => $"127.0.0.1:{GatewayPort}";

    internal WebApplication App { get; }

    public override string ToString() => Address.ToString();
}
