using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Runtime.Configuration.Options;

namespace Recsys.Runtime.Membership;

/// <summary>
/// The silo's membership agent: writes its own row (Joining, then Active; ShuttingDown then Dead on a graceful
/// stop), keeps IAmAlive fresh, re-reads the table on a period and whenever a peer gossips a change, and publishes
/// each newer snapshot to subscribers in order.
/// </summary>
internal sealed partial class MembershipAgent : IClusterMembership, IAsyncDisposable
{
    private readonly IMembershipTable _table;
    private readonly TimeProvider _time;
    private readonly ClusterMembershipOptions _options;
    private readonly ILogger _logger;
    private readonly List<Action<MembershipSnapshot>> _subscribers = [];
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private MembershipSnapshot _current = MembershipSnapshot.Empty;
    private ITimer? _refreshTimer;
    private ITimer? _aliveTimer;

    public MembershipAgent(LocalSiloDetails local, IMembershipTable table, TimeProvider time, IOptions<ClusterMembershipOptions> options, ILogger<MembershipAgent> logger)
    {
        Local = local;
        _table = table;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    public LocalSiloDetails Local { get; }

    public SiloAddress LocalSilo => Local.Address;

    public MembershipSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Set by the messaging layer: tells the given silos to re-read the table.</summary>
    public Func<IReadOnlyList<SiloAddress>, Task>? Gossip { get; set; }

    public void Subscribe(Action<MembershipSnapshot> onChange)
    {
        lock (_subscribers)
        {
            _subscribers.Add(onChange);
        }
    }

    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        await _table.InitializeAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var entry = new MembershipEntry(LocalSilo, SiloStatus.Joining, Local.Name, Environment.MachineName, Local.GatewayPort, now, now);
        await ChangeOwnRowAsync(_ => entry, insert: true, cancellationToken).ConfigureAwait(false);
        await ChangeOwnRowAsync(e => e with { Status = SiloStatus.Active }, insert: false, cancellationToken).ConfigureAwait(false);
        Log.Joined(_logger, LocalSilo, Current.ActiveSilos.Count);
        _refreshTimer = _time.CreateTimer(static s => _ = ((MembershipAgent)s!).RefreshSafelyAsync(), this, _options.TableRefreshTimeout, _options.TableRefreshTimeout);
        _aliveTimer = _time.CreateTimer(static s => _ = ((MembershipAgent)s!).WriteIAmAliveAsync(), this, _options.IAmAlivePeriod, _options.IAmAlivePeriod);
    }

    /// <summary>Graceful leave: ShuttingDown (peers stop placing here), then Dead once the silo's grains are gone.</summary>
    public Task AnnounceShuttingDownAsync(CancellationToken cancellationToken) =>
        ChangeOwnRowAsync(e => e with { Status = SiloStatus.ShuttingDown }, insert: false, cancellationToken);

    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        await ChangeOwnRowAsync(e => e with { Status = SiloStatus.Dead }, insert: false, cancellationToken).ConfigureAwait(false);
        Log.Left(_logger, LocalSilo);
    }

    public async Task RefreshAsync()
    {
        await _refreshGate.WaitAsync().ConfigureAwait(false);
        try
        {
            var data = await _table.ReadAllAsync().ConfigureAwait(false);
            Publish(new MembershipSnapshot(data.Version.Version, data.Entries.Select(e => e.Entry).ToList()));
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    /// <summary>After another silo's row changed: re-read and tell the peers to re-read.</summary>
    public async Task RefreshAndGossipAsync()
    {
        await RefreshAsync().ConfigureAwait(false);
        await GossipAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_refreshTimer is not null)
        {
            await _refreshTimer.DisposeAsync().ConfigureAwait(false);
        }

        if (_aliveTimer is not null)
        {
            await _aliveTimer.DisposeAsync().ConfigureAwait(false);
        }
    }

    // Compare-and-swap on the table version: on a lost race, re-read and try again.
    private async Task ChangeOwnRowAsync(Func<MembershipEntry, MembershipEntry> change, bool insert, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var data = await _table.ReadAllAsync(cancellationToken).ConfigureAwait(false);
            var own = data.Entries.FirstOrDefault(e => e.Entry.Silo.Equals(LocalSilo));
            var next = data.Version.Next();
            bool written;
            if (insert)
            {
                written = await _table.InsertRowAsync(change(null!), next, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if (own.Entry is null)
                {
                    throw new InvalidOperationException($"Silo {LocalSilo} has no row in the membership table.");
                }

                if (own.Entry.Status == SiloStatus.Dead)
                {
                    throw new InvalidOperationException($"Silo {LocalSilo} is declared dead in the membership table.");
                }

                written = await _table.UpdateRowAsync(change(own.Entry), own.ETag, next, cancellationToken).ConfigureAwait(false);
            }

            if (written)
            {
                await RefreshAsync().ConfigureAwait(false);
                await GossipAsync().ConfigureAwait(false);
                return;
            }

            if (attempt > 50)
            {
                throw new InvalidOperationException("Could not update the membership table: too many concurrent changes.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5 * (attempt + 1)), cancellationToken).ConfigureAwait(false); // real time: a backoff, not a logical timer
        }
    }

    private void Publish(MembershipSnapshot snapshot)
    {
        Action<MembershipSnapshot>[] subscribers;
        lock (_subscribers)
        {
            if (snapshot.Version <= _current.Version)
            {
                return;
            }

            Volatile.Write(ref _current, snapshot);
            subscribers = _subscribers.ToArray();
        }

        foreach (var subscriber in subscribers)
        {
            try
            {
                subscriber(snapshot);
            }
            catch (Exception exception)
            {
                Log.SubscriberFailed(_logger, exception);
            }
        }
    }

    private async Task GossipAsync()
    {
        if (Gossip is { } gossip)
        {
            var peers = Current.ActiveSilos.Where(s => !s.Equals(LocalSilo)).ToList();
            try
            {
                await gossip(peers).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                Log.GossipFailed(_logger, exception);
            }
        }
    }

    private async Task RefreshSafelyAsync()
    {
        try
        {
            await RefreshAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Log.RefreshFailed(_logger, exception);
        }
    }

    private async Task WriteIAmAliveAsync()
    {
        try
        {
            await _table.UpdateIAmAliveAsync(LocalSilo, _time.GetUtcNow()).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Log.RefreshFailed(_logger, exception);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Silo {Silo} joined the cluster ({Active} active)")]
        public static partial void Joined(ILogger logger, SiloAddress silo, int active);

        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Silo {Silo} left the cluster")]
        public static partial void Left(ILogger logger, SiloAddress silo);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Reading the membership table failed")]
        public static partial void RefreshFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "A membership subscriber threw")]
        public static partial void SubscriberFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Gossiping a membership change failed")]
        public static partial void GossipFailed(ILogger logger, Exception exception);
    }
}
