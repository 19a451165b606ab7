using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Recsys.Runtime.Catalog;
using Recsys.Runtime.Logging;
using Recsys.Runtime.Messaging;
using Recsys.Runtime.Metrics;
using Recsys.Runtime.Reminders;

namespace Recsys.Runtime.Hosting;

/// <summary>
/// The silo's lifecycle: on start the catalog opens, the timeout sweep and idle collector run, reminders load;
/// on stop reminders stop first, then every activation is deactivated (its OnDeactivateAsync runs, writes finish).
/// </summary>
internal sealed partial class Silo : IHostedService, ISiloControl
{
    private readonly IServiceProvider _services;
    private readonly Catalog.Catalog _catalog;
    private readonly ILogger<Silo> _logger;
    private ReminderService? _reminders;

    public Silo(IServiceProvider services, Catalog.Catalog catalog, ILogger<Silo> logger)
    {
        _services = services;
        _catalog = catalog;
        _logger = logger;
    }

    public int ActivationCount => _catalog.Activations.Count();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _catalog.Initialize(_services.GetRequiredService<ActivationServices>());
        _services.GetRequiredService<ResponseTimeoutSweeper>().Start();
        _services.GetRequiredService<IdleActivationCollector>().Start();
        if (_services.GetService<IReminderTable>() is not null)
        {
            _reminders = _services.GetRequiredService<ReminderService>();
            await _reminders.StartAsync(cancellationToken);
        }

        Log.Started(_logger, _catalog.Registry.Classes.Count());
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Log.Stopping(_logger, ActivationCount);
        if (_reminders is not null)
        {
            await _reminders.DisposeAsync();
        }

        _services.GetRequiredService<IdleActivationCollector>().Dispose();
        await _catalog.DeactivateAllAsync(new DeactivationReason(DeactivationReasonCode.ShuttingDown, "the silo is stopping"));
        _services.GetRequiredService<ResponseTimeoutSweeper>().Dispose();
    }

    public ActivationSnapshot? GetActivation(GrainId grainId) => _catalog.GetSnapshot(grainId);

    public IReadOnlyList<MethodStatisticsSnapshot> GetMethodStatistics() => _services.GetRequiredService<GrainCallMetrics>().Snapshot();

    public int CollectIdleActivations() => _services.GetRequiredService<IdleActivationCollector>().Collect();

    private static partial class Log
    {
        [LoggerMessage(EventId = (int)RuntimeEventCode.SiloStarted, Level = LogLevel.Information, Message = "Silo started with {GrainClasses} grain classes")]
        public static partial void Started(ILogger logger, int grainClasses);

        [LoggerMessage(EventId = (int)RuntimeEventCode.SiloStopping, Level = LogLevel.Information, Message = "Silo stopping; deactivating {Activations} activations")]
        public static partial void Stopping(ILogger logger, int activations);
    }
}
