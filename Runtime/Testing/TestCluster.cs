using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Recsys.Runtime.Catalog;
using Recsys.Runtime.Hosting;

namespace Recsys.Runtime.Testing;

/// <summary>
/// In-process silos for tests (one for now), each a real Generic Host with its own container. Restart keeps the
/// configuration, so durable storage and reminders can be seen to survive it.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly Action<SiloBuilder> _configure;
    private IHost? _silo;

    private TestCluster(Action<SiloBuilder> configure) => _configure = configure;

    /// <summary>The primary silo's grain factory (a co-hosted client).</summary>
    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => (_silo ?? throw new InvalidOperationException("The silo is not running.")).Services;

    public ISiloControl Silo => Services.GetRequiredService<ISiloControl>();

    public static async Task<TestCluster> StartAsync(Action<SiloBuilder> configure)
    {
        var cluster = new TestCluster(configure);
        await cluster.StartSiloAsync();
        return cluster;
    }

    public ActivationSnapshot? GetActivation(GrainId grainId) => Silo.GetActivation(grainId);

    /// <summary>Stops the silo gracefully (every activation deactivates) and starts a fresh one with the same configuration.</summary>
    public async Task RestartSiloAsync()
    {
        await StopSiloAsync();
        await StartSiloAsync();
    }

    public async Task StopSiloAsync()
    {
        if (_silo is null)
        {
            return;
        }

        await _silo.StopAsync();
        _silo.Dispose();
        _silo = null;
    }

    public async ValueTask DisposeAsync() => await StopSiloAsync();

    private async Task StartSiloAsync()
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddRecsysSilo(_configure);
        _silo = builder.Build();
        await _silo.StartAsync();
    }
}
