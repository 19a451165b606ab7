using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Grains.Interfaces.Models;
using Recsys.Runtime;

namespace Recsys.Grains.Models;

/// <summary>
/// Keeps this silo's <see cref="ModelCatalog"/> in step with the registry: at start and then every
/// <see cref="ModelOptions.PollInterval"/>, reads the active versions and fetches the files it does not have.
/// A failed poll is logged and retried at the next tick; until then the silo keeps serving what it has.
/// </summary>
public sealed partial class ModelRegistryPoller(
    ModelCatalog catalog,
    IGrainFactory grains,
    TimeProvider time,
    IOptions<ModelOptions> options,
    ILogger<ModelRegistryPoller> logger) : BackgroundService
{
    /// <summary>One poll: returns whether the active versions changed.</summary>
    public async Task<bool> PollOnceAsync()
    {
        var registry = grains.GetGrain<IModelRegistryGrain>(0);
        var active = await registry.GetActive();
        if (active.Revision == catalog.Revision && catalog.Revision != 0)
        {
            return false;
        }

        foreach (var (name, version) in active.Versions)
        {
            if (catalog.Find(name, version) is null)
            {
                catalog.Add(ModelFileReader.Parse(await registry.GetFile(name, version), $"registry {name}/{version}"));
            }
        }

        catalog.SetActive(active);
        Log.Refreshed(logger, active.Revision, string.Join(", ", active.Versions.Select(v => $"{v.Key}/{v.Value}")));
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Poll)
        {
            return;
        }

        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync();
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                Log.PollFailed(logger, exception);
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = (int)Logging.DomainEventCode.ModelsRefreshed, Level = LogLevel.Information, Message = "Models at registry revision {Revision}: {Versions}")]
        public static partial void Refreshed(ILogger logger, long revision, string versions);

        [LoggerMessage(EventId = (int)Logging.DomainEventCode.ModelPollFailed, Level = LogLevel.Debug, Message = "Polling the model registry failed; retrying at the next tick")]
        public static partial void PollFailed(ILogger logger, Exception exception);
    }
}
