using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Recsys.Runtime.Catalog;
using Recsys.Runtime.GrainDirectory;
using Recsys.Runtime.Logging;
using Recsys.Runtime.Membership;
using Recsys.Runtime.Messaging;
using Recsys.Runtime.Metrics;
using Recsys.Runtime.Placement;
using Recsys.Runtime.Reminders;

namespace Recsys.Runtime.Hosting;

/// <summary>
/// The silo's lifecycle. Start: the catalog opens and calls are accepted; once every listener is up the silo joins
/// the membership table (Joining, then Active) and loads reminders. Stop: the silo announces ShuttingDown so no
/// new activations are placed here, stops reminders, deactivates every activation (state written, directory
/// entries removed) while its connections still work, then marks itself Dead and closes its connections.
/// </summary>
internal sealed partial class Silo : IHostedLifecycleService, ISiloControl
{
    private readonly IServiceProvider _services;
    private readonly Catalog.Catalog _catalog;
    private readonly MembershipAgent _membership;
    private readonly SiloMessageCenter _messages;
    private readonly ILogger<Silo> _logger;
    private ReminderService? _reminders;
    private SiloHealthMonitor? _health;
    private bool _joined;
    private bool _killed;
    private volatile bool _leaving;

    public Silo(IServiceProvider services, Catalog.Catalog catalog, MembershipAgent membership, SiloMessageCenter messages, ILogger<Silo> logger)
    {
        _services = services;
        _catalog = catalog;
        _membership = membership;
        _messages = messages;
        _logger = logger;
    }

    public SiloAddress Address => _membership.LocalSilo;

    public int ActivationCount => _catalog.Activations.Count();

    public MembershipSnapshot Membership => _membership.Current;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _catalog.Initialize(_services.GetRequiredService<ActivationServices>());
        var router = _services.GetRequiredService<MessageRouter>();
        var locator = _services.GetRequiredService<GrainLocator>();
        locator.LocalActivations = () => _catalog.Activations
            .Where(a => !a.ClassInfo.IsStatelessWorker && a.State == ActivationState.Valid)
            .Select(a => new GrainDirectory.GrainAddress(a.GrainId, locator.Self, a.ActivationId));
        locator.OnDuplicate = address => _catalog.DeactivateDuplicate(address.GrainId);
        locator.RefreshMembership = _membership.RefreshAsync;
        _messages.RequestHandler = router.Receive;
        _messages.ClientRequestHandler = router.Route;
        _messages.AddSystemHandler(SystemOperations.MembershipRefresh, async (_, _) =>
        {
            await _membership.RefreshAsync();
            return JsonSerializer.SerializeToUtf8Bytes(new EmptyMessage(), RuntimeJsonContext.Default.EmptyMessage);
        });
        _messages.AddSystemHandler(SystemOperations.Manifest, (_, _) => Task.FromResult(JsonSerializer.SerializeToUtf8Bytes(BuildManifest(), RuntimeJsonContext.Default.ManifestMessage)));
        _membership.Gossip = peers => Task.WhenAll(peers.Select(p => _messages.SendSystemAsync(p, SystemOperations.MembershipRefresh, [.. "{}"u8], TimeSpan.FromSeconds(5))));
        _membership.Subscribe(snapshot =>
        {
            _messages.OnMembershipChanged(snapshot);
            locator.OnMembershipChanged(snapshot);
            if (snapshot.StatusOf(_membership.LocalSilo) == SiloStatus.Dead && !_killed && !_leaving)
            {
                // Dead is final: the cluster has moved on without this silo, so it stops (a host may restart it as a new generation).
                Log.DeclaredDead(_logger, _membership.LocalSilo);
                _services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
            }
        });
        _services.GetRequiredService<ResponseTimeoutSweeper>().Start();
        _services.GetRequiredService<IdleActivationCollector>().Start();
        return Task.CompletedTask;
    }

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        await _membership.JoinAsync(cancellationToken);
        _joined = true;
        _health = _services.GetRequiredService<SiloHealthMonitor>();
        _health.Start();
        _services.GetRequiredService<ActivationRebalancer>().Start();
        if (_services.GetService<IReminderTable>() is not null)
        {
            var reminders = _services.GetRequiredService<ReminderService>();
            var locator = _services.GetRequiredService<GrainLocator>();
            var empty = JsonSerializer.SerializeToUtf8Bytes(new EmptyMessage(), RuntimeJsonContext.Default.EmptyMessage);
            reminders.SetOwnership(locator.IsOwner);
            reminders.NotifyOwner = grainId => _messages.SendSystemAsync(locator.OwnerOf(grainId), SystemOperations.RemindersRefresh, empty, TimeSpan.FromSeconds(10));
            _messages.AddSystemHandler(SystemOperations.RemindersRefresh, async (_, _) =>
            {
                await reminders.RefreshSafelyAsync();
                return empty;
            });
            _membership.Subscribe(snapshot => _ = reminders.RefreshSafelyAsync());
            await reminders.StartAsync(cancellationToken);
            _reminders = reminders;
        }

        Log.Started(_logger, Address, _catalog.Registry.Classes.Count());
    }

    /// <summary>
    /// Simulates a crash (tests): activations are dropped without hooks or writes, connections close without a
    /// goodbye, and nothing is written to the membership table; peers must detect the death by probing.
    /// </summary>
    public async Task KillAsync()
    {
        _killed = true;
        if (_health is not null)
        {
            await _health.DisposeAsync();
        }

        if (_reminders is not null)
        {
            await _reminders.DisposeAsync();
        }

        await _membership.DisposeAsync();
        _services.GetRequiredService<IdleActivationCollector>().Dispose();
        _catalog.AbandonAll();
        await _messages.DisposeAsync();
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (_killed)
        {
            return;
        }

        _leaving = true; // our own Dead row at the end of a graceful leave is not a verdict of the cluster
        Log.Stopping(_logger, Address, ActivationCount);
        if (_health is not null)
        {
            await _health.DisposeAsync();
        }

        await _services.GetRequiredService<ActivationRebalancer>().DisposeAsync();

        if (_joined)
        {
            await TryAsync(() => _membership.AnnounceShuttingDownAsync(cancellationToken));
        }

        if (_reminders is not null)
        {
            await _reminders.DisposeAsync();
        }

        _services.GetRequiredService<IdleActivationCollector>().Dispose();
        await _catalog.DeactivateAllAsync(new DeactivationReason(DeactivationReasonCode.ShuttingDown, "the silo is stopping"));
        if (_joined)
        {
            await TryAsync(() => _membership.LeaveAsync(cancellationToken));
        }

        // Close our connections before Kestrel stops: it waits for open connections up to its shutdown timeout.
        await _membership.DisposeAsync();
        await _messages.DisposeAsync();
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _services.GetRequiredService<ResponseTimeoutSweeper>().Dispose();
        return Task.CompletedTask;
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ActivationSnapshot? GetActivation(GrainId grainId) => _catalog.GetSnapshot(grainId);

    public IReadOnlyList<MethodStatisticsSnapshot> GetMethodStatistics() => _services.GetRequiredService<GrainCallMetrics>().Snapshot();

    public int CollectIdleActivations() => _services.GetRequiredService<IdleActivationCollector>().Collect();

    public Task<int> RebalanceClusterAsync(int maxMovesPerSilo) => _services.GetRequiredService<ActivationRebalancer>().RebalanceClusterAsync(maxMovesPerSilo);

    private ManifestMessage BuildManifest()
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var resolver = _catalog.Registry;
        foreach (var classInfo in resolver.Classes)
        {
            foreach (var grainInterface in classInfo.ClassType.GetInterfaces().Where(i => typeof(IGrain).IsAssignableFrom(i)))
            {
                try
                {
                    types.TryAdd(grainInterface.FullName!, resolver.GetGrainType(grainInterface));
                }
                catch (InvalidOperationException)
                {
                    // marker or ambiguous interfaces are not addressable by key alone
                }
            }
        }

        var gateways = _membership.Current.Members
            .Where(m => m.Status == SiloStatus.Active && m.GatewayPort is > 0)
            .Select(m => $"{m.Silo.Endpoint.Address}:{m.GatewayPort}")
            .ToArray();
        return new ManifestMessage(types, gateways);
    }

    private async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception exception)
        {
            Log.MembershipWriteFailed(_logger, exception);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = (int)RuntimeEventCode.SiloStarted, Level = LogLevel.Information, Message = "Silo {Silo} started with {GrainClasses} grain classes")]
        public static partial void Started(ILogger logger, SiloAddress silo, int grainClasses);

        [LoggerMessage(EventId = (int)RuntimeEventCode.SiloStopping, Level = LogLevel.Information, Message = "Silo {Silo} stopping; deactivating {Activations} activations")]
        public static partial void Stopping(ILogger logger, SiloAddress silo, int activations);

        [LoggerMessage(EventId = 1503, Level = LogLevel.Critical, Message = "Silo {Silo} reads itself dead in the membership table; stopping")]
        public static partial void DeclaredDead(ILogger logger, SiloAddress silo);

        [LoggerMessage(EventId = 1502, Level = LogLevel.Warning, Message = "Updating this silo's membership row failed")]
        public static partial void MembershipWriteFailed(ILogger logger, Exception exception);
    }
}
