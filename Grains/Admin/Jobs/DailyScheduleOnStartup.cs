using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Recsys.Runtime;

namespace Recsys.Grains.Admin.Jobs;

/// <summary>
/// Registers a job's daily reminder once the silo is up (the job's own grain skips it when it exists, so every silo
/// may ask). Without it the reminder is registered after the job's first run. A silo without a reminder table logs a
/// warning and starts anyway.
/// </summary>
public sealed partial class DailyScheduleOnStartup(string job, Func<IGrainFactory, Task> ensureScheduled, IGrainFactory grains, ILogger<DailyScheduleOnStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ensureScheduled(grains);
        }
        catch (Exception exception)
        {
            Log.Failed(logger, exception, job);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = (int)Logging.DomainEventCode.JobScheduleFailed, Level = LogLevel.Warning,
            Message = "Could not register the daily {Job} reminder at start")]
        public static partial void Failed(ILogger logger, Exception exception, string job);
    }
}
