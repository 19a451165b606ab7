using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Recsys.Grains.Interfaces.Reputation;
using Recsys.Runtime;

namespace Recsys.Grains.Reputation.Cluster;

/// <summary>
/// Registers the daily tweepcred reminder once the silo is up (unless it exists: every silo may ask). Without it the
/// reminder is registered after the first run. A silo without a reminder table logs a warning and starts anyway.
/// </summary>
public sealed partial class TweepcredScheduleOnStartup(IGrainFactory grains, ILogger<TweepcredScheduleOnStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<ITweepcredCoordinatorGrain>(0).EnsureScheduled();
        }
        catch (Exception exception)
        {
            Log.Failed(logger, exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = (int)Logging.DomainEventCode.TweepcredScheduleFailed, Level = LogLevel.Warning,
            Message = "Could not register the daily tweepcred reminder at start")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
