using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Runtime.Catalog;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.GrainDirectory;
using Recsys.Runtime.Membership;
using Recsys.Runtime.Messaging;

namespace Recsys.Runtime.Placement;

/// <summary>
/// Moves this silo's surplus activations to the silo with the fewest: each one deactivates (its state is written
/// first), then a placement hint in the directory sends its next call to the target silo, which activates it there.
/// Run by an admin call, or every period when <see cref="RebalancingOptions.Gradual"/> is on.
/// </summary>
internal sealed partial class ActivationRebalancer : IAsyncDisposable
{
    private readonly Catalog.Catalog _catalog;
    private readonly GrainLocator _locator;
    private readonly SiloMessageCenter _messages;
    private readonly IClusterMembership _membership;
    private readonly TimeProvider _time;
    private readonly RebalancingOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _running = new(1, 1);
    private ITimer? _timer;

    public ActivationRebalancer(Catalog.Catalog catalog, GrainLocator locator, SiloMessageCenter messages, IClusterMembership membership, TimeProvider time, IOptions<RebalancingOptions> options, ILogger<ActivationRebalancer> logger)
    {
        _catalog = catalog;
        _locator = locator;
        _messages = messages;
        _membership = membership;
        _time = time;
        _options = options.Value;
        _logger = logger;
        messages.AddSystemHandler(SystemOperations.ActivationCount, (_, _) => Task.FromResult(Encoding.UTF8.GetBytes(Movable().Count.ToString(CultureInfo.InvariantCulture))));
        messages.AddSystemHandler(SystemOperations.Rebalance, async (_, _) => Encoding.UTF8.GetBytes((await RebalanceAsync(_options.MaxMovesPerPeriod)).ToString(CultureInfo.InvariantCulture)));
    }

    public void Start()
    {
        if (_options.Gradual)
        {
            _timer = _time.CreateTimer(static s => _ = ((ActivationRebalancer)s!).RebalanceAsync(((ActivationRebalancer)s!)._options.MaxMovesPerPeriod), this, _options.Period, _options.Period);
        }
    }

    /// <summary>Asks every active silo (this one included) to move its surplus; returns the total moved.</summary>
    public async Task<int> RebalanceClusterAsync(int maxMovesPerSilo)
    {
        var moved = await RebalanceAsync(maxMovesPerSilo).ConfigureAwait(false);
        foreach (var silo in _membership.Current.ActiveSilos.Where(s => !s.Equals(_locator.Self)))
        {
            var reply = await _messages.SendSystemAsync(silo, SystemOperations.Rebalance, [.. "{}"u8], TimeSpan.FromMinutes(2)).ConfigureAwait(false);
            moved += int.Parse(Encoding.UTF8.GetString(reply), CultureInfo.InvariantCulture);
        }

        return moved;
    }

    /// <summary>Moves up to <paramref name="maxMoves"/> activations from here toward the least loaded silo.</summary>
    public async Task<int> RebalanceAsync(int maxMoves)
    {
        if (!await _running.WaitAsync(0).ConfigureAwait(false))
        {
            return 0;
        }

        try
        {
            var counts = await CountsAsync().ConfigureAwait(false);
            if (counts.Count < 2)
            {
                return 0;
            }

            var average = counts.Values.Average();
            var local = counts[_locator.Self];
            var target = counts.OrderBy(c => c.Value).First().Key;
            var surplus = (int)Math.Floor(local - average);
            if (target.Equals(_locator.Self) || local <= average * (1 + _options.Tolerance) || surplus <= 0)
            {
                return 0;
            }

            var moving = Movable().Take(Math.Min(surplus, maxMoves)).ToList();
            foreach (var activation in moving)
            {
                activation.StartDeactivation(new DeactivationReason(DeactivationReasonCode.Migrating, "rebalancing to " + target));
            }

            await Task.WhenAll(moving.Select(a => a.Deactivated)).ConfigureAwait(false);
            await Task.WhenAll(moving.Select(a => _locator.RegisterAsync(new GrainAddress(a.GrainId, target, 0)))).ConfigureAwait(false);
            Log.Moved(_logger, moving.Count, target);
            return moving.Count;
        }
        finally
        {
            _running.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private List<ActivationData> Movable() =>
        _catalog.Activations.Where(a => !a.ClassInfo.IsStatelessWorker && a.State == ActivationState.Valid).ToList();

    private async Task<Dictionary<SiloAddress, int>> CountsAsync()
    {
        var counts = new Dictionary<SiloAddress, int> { [_locator.Self] = Movable().Count };
        foreach (var silo in _membership.Current.ActiveSilos.Where(s => !s.Equals(_locator.Self)))
        {
            var reply = await _messages.SendSystemAsync(silo, SystemOperations.ActivationCount, [.. "{}"u8], TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            counts[silo] = int.Parse(Encoding.UTF8.GetString(reply), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "Moved {Count} activations toward {Target}")]
        public static partial void Moved(ILogger logger, int count, SiloAddress target);
    }
}
