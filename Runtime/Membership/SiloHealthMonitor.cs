using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Messaging;

namespace Recsys.Runtime.Membership;

/// <summary>
/// The failure detector (Orleans' cluster health monitor): every probe period each silo pings up to
/// <see cref="ClusterMembershipOptions.NumProbedSilos"/> peers over the silo channel. After
/// <see cref="ClusterMembershipOptions.NumMissedProbesLimit"/> misses in a row it writes a suspicion vote into the
/// peer's row; when a peer has min(NumVotesForDeathDeclaration, ceil(active / 2)) fresh votes, the voter that
/// completes the count declares it Dead. Every table change is a compare-and-swap; Dead is final.
/// </summary>
internal sealed partial class SiloHealthMonitor : IAsyncDisposable
{
    private readonly MembershipAgent _membership;
    private readonly IMembershipTable _table;
    private readonly SiloMessageCenter _messages;
    private readonly TimeProvider _time;
    private readonly ClusterMembershipOptions _options;
    private readonly ILogger _logger;
    private readonly Dictionary<SiloAddress, int> _missed = new();
    private ITimer? _timer;
    private int _probing;

    public SiloHealthMonitor(MembershipAgent membership, IMembershipTable table, SiloMessageCenter messages, TimeProvider time, IOptions<ClusterMembershipOptions> options, ILogger<SiloHealthMonitor> logger)
    {
        _membership = membership;
        _table = table;
        _messages = messages;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    public void Start() =>
        _timer = _time.CreateTimer(static s => _ = ((SiloHealthMonitor)s!).ProbeAllAsync(), this, _options.ProbeTimeout, _options.ProbeTimeout);

    public async ValueTask DisposeAsync()
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ProbeAllAsync()
    {
        if (Interlocked.Exchange(ref _probing, 1) == 1)
        {
            return; // the previous round is still waiting on its probes
        }

        try
        {
            var self = _membership.LocalSilo;
            if (_membership.Current.StatusOf(self) != SiloStatus.Active)
            {
                return;
            }

            var peers = _membership.Current.ActiveSilos.Where(s => !s.Equals(self))
                .OrderBy(s => s.RingHash ^ self.RingHash).Take(_options.NumProbedSilos).ToList();
            var results = await Task.WhenAll(peers.Select(ProbeAsync)).ConfigureAwait(false);
            for (var i = 0; i < peers.Count; i++)
            {
                var misses = results[i] ? 0 : _missed.GetValueOrDefault(peers[i]) + 1;
                _missed[peers[i]] = misses;
                if (misses >= _options.NumMissedProbesLimit)
                {
                    Log.Suspecting(_logger, peers[i], misses);
                    _missed[peers[i]] = 0;
                    await VoteAsync(peers[i]).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception)
        {
            Log.ProbeRoundFailed(_logger, exception);
        }
        finally
        {
            Volatile.Write(ref _probing, 0);
        }
    }

    private async Task<bool> ProbeAsync(SiloAddress peer)
    {
        try
        {
            var payload = JsonSerializer.SerializeToUtf8Bytes(new EmptyMessage(), RuntimeJsonContext.Default.EmptyMessage);
            await _messages.SendSystemAsync(peer, SystemOperations.Ping, payload, _options.ProbeTimeout).ConfigureAwait(false);
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    // Adds this silo's vote; declares the peer dead once enough fresh votes stand. Retries lost races a few times.
    private async Task VoteAsync(SiloAddress suspect)
    {
        var self = _membership.LocalSilo;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var data = await _table.ReadAllAsync().ConfigureAwait(false);
            var row = data.Entries.FirstOrDefault(e => e.Entry.Silo.Equals(suspect));
            var active = data.Entries.Where(e => e.Entry.Status == SiloStatus.Active).Select(e => e.Entry.Silo).ToHashSet();
            if (row.Entry is null || row.Entry.Status == SiloStatus.Dead || !active.Contains(self))
            {
                return; // only an active silo's vote counts; a silo voted out must not take others with it
            }

            var now = _time.GetUtcNow();
            var fresh = row.Entry.SuspectTimes
                .Where(v => now - v.Time < _options.DeathVoteExpirationTimeout && !v.Voter.Equals(self) && active.Contains(v.Voter)).ToList();
            fresh.Add(new SuspectVote(self, now));
            var required = Math.Min(_options.NumVotesForDeathDeclaration, (int)Math.Ceiling(active.Count / 2.0));
            var dead = fresh.Select(v => v.Voter).Distinct().Count() >= required;
            var updated = row.Entry with { SuspectTimes = fresh, Status = dead ? SiloStatus.Dead : row.Entry.Status };
            if (await _table.UpdateRowAsync(updated, row.ETag, data.Version.Next()).ConfigureAwait(false))
            {
                if (dead)
                {
                    Log.DeclaredDead(_logger, suspect, fresh.Count);
                }

                await _membership.RefreshAndGossipAsync().ConfigureAwait(false);
                return;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "Silo {Silo} missed {Misses} probes in a row; voting it suspect")]
        public static partial void Suspecting(ILogger logger, SiloAddress silo, int misses);

        [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Declared silo {Silo} dead ({Votes} fresh votes)")]
        public static partial void DeclaredDead(ILogger logger, SiloAddress silo, int votes);

        [LoggerMessage(EventId = 2102, Level = LogLevel.Debug, Message = "A probe round failed")]
        public static partial void ProbeRoundFailed(ILogger logger, Exception exception);
    }
}
