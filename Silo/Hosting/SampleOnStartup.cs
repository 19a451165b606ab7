using Recsys.Grains.Interfaces.Admin;
using Recsys.Runtime;

namespace Recsys.Silo.Hosting;

/// <summary>
/// Starts the "load-sample" job once the silo is up (unless --no-sample). The job skips a sample already loaded
/// into this data directory, so restarting never duplicates it. Progress: GET /api/admin/jobs/{id}.
/// </summary>
public sealed partial class SampleOnStartup(IGrainFactory grains, SiloHostOptions options, ILogger<SampleOnStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.LoadSample)
        {
            return;
        }

        var arguments = options.SampleUsers is { } users
            ? new Dictionary<string, string> { ["users"] = users.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            : [];
        var run = await grains.GetGrain<IJobsGrain>(0).Start("load-sample", arguments);
        Log.Started(logger, run.Id);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Loading sample data in job {JobId} (GET /api/admin/jobs/{JobId})")]
        public static partial void Started(ILogger logger, long jobId);
    }
}
