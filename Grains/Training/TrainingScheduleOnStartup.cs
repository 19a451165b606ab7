using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Recsys.Runtime;

namespace Recsys.Grains.Training;

/// <summary>
/// Registers the daily training reminder once the silo is up (unless it exists). Without it the reminder is
/// registered after the first run. A silo without a reminder table logs a warning and starts anyway.
/// </summary>
public sealed partial class TrainingScheduleOnStartup(IGrainFactory grains, ILogger<TrainingScheduleOnStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<ITrainingScheduleGrain>(0).EnsureScheduled();
        }
        catch (Exception exception)
        {
            Log.Failed(logger, exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = (int)Logging.DomainEventCode.TrainingScheduleFailed, Level = LogLevel.Warning,
            Message = "Could not register the daily training reminder at start")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
