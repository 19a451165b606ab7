using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Recsys.Runtime;
using Recsys.Runtime.Invocation;
using Recsys.Runtime.Messaging;
using Recsys.Runtime.Serialization;
using Recsys.Runtime.Storage;

namespace Recsys.Client;

/// <summary>
/// A frontend's handle on the cluster: connects to gateways, and sends each grain call through one of them. All
/// calls to one grain go through one gateway connection, so they arrive in order; a gateway that fails is marked
/// dead and its grains move to the next live one. Calls are never re-sent (at most once).
/// </summary>
public sealed partial class ClusterClient : IGrainCallInvoker, IGrainTypeResolver, IAsyncDisposable
{
    private const int Buckets = 8192;
    private readonly ClusterClientOptions _options;
    private readonly MessageCodec _codec;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly object _gatewaysLock = new();
    private GatewayConnection[] _gateways; // copy on write: readers take the array as it is
    private readonly PostgresGatewayList? _table;
    private ITimer? _gatewayRefresh;
    private readonly long _timeoutTicks;
    private static readonly TimeSpan ReconnectThrottle = TimeSpan.FromSeconds(1);
    private Dictionary<string, string> _grainTypes = new(StringComparer.Ordinal);
    private ITimer? _sweep;
    private long _lastReconnect;
    private bool _disposed;

    private ClusterClient(ClusterClientOptions options, TimeProvider time, ILoggerFactory loggers)
    {
        _options = options;
        _time = time;
        _logger = loggers.CreateLogger<ClusterClient>();
        GrainFactory = new GrainFactory(this, this);
        _codec = new MessageCodec(new GrainStateJson([new GrainReferenceJsonConverter(() => GrainFactory)], []), time);
        _gateways = options.Gateways.Select(g => new GatewayConnection(ParseGateway(g), this)).ToArray();
        _table = options.MembershipConnectionString is { } table ? new PostgresGatewayList(table, options.ClusterId) : null;
        _timeoutTicks = (long)(options.ResponseTimeout.TotalSeconds * time.TimestampFrequency);
    }

    /// <summary>Makes grain references whose calls go through this client.</summary>
    public IGrainFactory GrainFactory { get; }

    /// <summary>Raised with the gateway's "host:port" when its connection fails or closes.</summary>
    public event Action<string>? GatewayLost;

    /// <summary>Gateways currently connected.</summary>
    public IReadOnlyList<string> LiveGateways => _gateways.Where(g => g.IsLive).Select(g => g.Name).ToList();

    internal ClusterClientOptions Options => _options;

    internal MessageCodec Codec => _codec;

    internal TimeProvider Time => _time;

    internal ILogger Logger => _logger;

    internal bool IsDisposed => Volatile.Read(ref _disposed);

    /// <summary>
    /// Connects to every configured gateway that answers, retrying with a linearly growing delay while none does
    /// (at most <see cref="ClusterClientOptions.ConnectRetryCount"/> tries), and fetches the grain manifest.
    /// </summary>
    public static async Task<ClusterClient> ConnectAsync(ClusterClientOptions options, ILoggerFactory? loggers = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Gateways.Count == 0 && options.MembershipConnectionString is null)
        {
            throw new ArgumentException("At least one gateway, or a membership table to read them from, is needed.", nameof(options));
        }

        var client = new ClusterClient(options, time ?? TimeProvider.System, loggers ?? NullLoggerFactory.Instance);
        for (var attempt = 1; ; attempt++)
        {
            await client.RefreshGatewaysAsync().ConfigureAwait(false);
            await Task.WhenAll(client._gateways.Select(g => g.TryConnectAsync(cancellationToken))).ConfigureAwait(false);
            var live = client._gateways.FirstOrDefault(g => g.IsLive);
            if (live is not null && await client.TryLoadManifestAsync(live).ConfigureAwait(false))
            {
                break;
            }

            if (attempt >= options.ConnectRetryCount)
            {
                await client.DisposeAsync().ConfigureAwait(false);
                throw new SiloUnavailableException($"No gateway of {string.Join(", ", options.Gateways)} answered after {attempt} tries.");
            }

            Log.Retrying(client._logger, attempt, options.ConnectRetryCount);
            await Task.Delay(options.ConnectRetryDelay * attempt, cancellationToken).ConfigureAwait(false);
        }

        client._sweep = client._time.CreateTimer(static c => ((ClusterClient)c!).Sweep(), client, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        if (client._table is not null)
        {
            client._gatewayRefresh = client._time.CreateTimer(static c => _ = ((ClusterClient)c!).RefreshGatewaysAsync(), client, options.GatewayListRefreshPeriod, options.GatewayListRefreshPeriod);
        }

        return client;
    }

    public void Send(GrainReference target, Invokable request)
    {
        request.Target = target.GrainId;
        request.Deadline = _time.GetTimestamp() + _timeoutTicks;
        var gateway = Choose(target.GrainId);
        if (gateway is null)
        {
            _ = ReconnectAllAsync();
            request.Fail(new SiloUnavailableException("No gateway is reachable; reconnecting."));
        }
        else if (!gateway.TrySend(request, (int)_options.ResponseTimeout.TotalMilliseconds))
        {
            request.Fail(new SiloUnavailableException($"The connection to gateway {gateway.Name} is closed."));
        }
    }

    public string GetGrainType(Type interfaceType) =>
        _grainTypes.TryGetValue(interfaceType.FullName!, out var type)
            ? type
            : throw new InvalidOperationException($"The cluster has no grain class for {interfaceType.FullName}.");

    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _disposed, true);
        if (_sweep is not null)
        {
            await _sweep.DisposeAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(_gateways.Select(g => g.CloseAsync())).ConfigureAwait(false);
    }

    // All calls to a grain go through the same live gateway while the set of live gateways does not change.
    private GatewayConnection? Choose(GrainId grainId)
    {
        var live = _gateways.Where(g => g.IsLive).ToList();
        if (live.Count == 0)
        {
            return null;
        }

        var bucket = (int)(grainId.GetUniformHashCode() % Buckets);
        return live[bucket % live.Count];
    }

    internal void OnGatewayLost(GatewayConnection gateway)
    {
        if (IsDisposed)
        {
            return;
        }

        Log.GatewayLost(_logger, gateway.Name);
        GatewayLost?.Invoke(gateway.Name);
    }

    // With every gateway down, a call expedites reconnection, at most once a second.
    private async Task ReconnectAllAsync()
    {
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastReconnect);
        if (IsDisposed || (last != 0 && _time.GetElapsedTime(last, now) < ReconnectThrottle) || Interlocked.CompareExchange(ref _lastReconnect, now, last) != last)
        {
            return;
        }

        try
        {
            await Task.WhenAll(_gateways.Select(g => g.TryConnectAsync(CancellationToken.None, ignoreRetryPeriod: true))).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Log.ReconnectFailed(_logger, exception);
        }
    }

    // New gateways in the table join the rotation; the ones that left are marked dead by their connections.
    private async Task RefreshGatewaysAsync()
    {
        if (_table is null)
        {
            return;
        }

        try
        {
            var listed = await _table.ReadAsync().ConfigureAwait(false);
            lock (_gatewaysLock)
            {
                var added = listed.Select(ParseGateway).Where(e => _gateways.All(known => known.Name != e.ToString())).Select(e => new GatewayConnection(e, this));
                _gateways = [.. _gateways, .. added];
            }

            await Task.WhenAll(_gateways.Select(g => g.TryConnectAsync(CancellationToken.None))).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Log.ReconnectFailed(_logger, exception);
        }
    }

    private async Task<bool> TryLoadManifestAsync(GatewayConnection gateway)
    {
        try
        {
            var payload = await gateway.SendSystemAsync(SystemOperations.Manifest, [.. "{}"u8]).ConfigureAwait(false);
            var manifest = JsonSerializer.Deserialize(payload, RuntimeJsonContext.Default.ManifestMessage);
            _grainTypes = manifest?.GrainTypes ?? _grainTypes;
            return true;
        }
        catch (Exception exception)
        {
            Log.ReconnectFailed(_logger, exception);
            return false;
        }
    }

    private void Sweep()
    {
        var expired = new List<Invokable>();
        var now = _time.GetTimestamp();
        foreach (var gateway in _gateways)
        {
            gateway.ExpireRequests(now, expired);
        }

        foreach (var request in expired)
        {
            request.Fail(new TimeoutException($"Response did not arrive on time in {_options.ResponseTimeout} for call to {request.Target} {request.Method.FullName}."));
        }

        // gateways marked dead come back into rotation once their retry period has passed
        foreach (var gateway in _gateways.Where(g => g.ShouldRetry))
        {
            _ = gateway.TryConnectAsync(CancellationToken.None);
        }
    }

    private static IPEndPoint ParseGateway(string gateway)
    {
        if (IPEndPoint.TryParse(gateway, out var endpoint) && endpoint.Port > 0)
        {
            return endpoint;
        }

        var colon = gateway.LastIndexOf(':');
        if (colon > 0 && int.TryParse(gateway[(colon + 1)..], out var port))
        {
            var host = gateway[..colon];
            var address = host == "localhost" ? IPAddress.Loopback : Dns.GetHostAddresses(host).First();
            return new IPEndPoint(address, port);
        }

        throw new ArgumentException($"Gateway '{gateway}' is not host:port.");
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "No gateway answered (try {Attempt} of {Tries}); retrying")]
        public static partial void Retrying(ILogger logger, int attempt, int tries);

        [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Gateway {Gateway} is gone; its grains move to the other gateways")]
        public static partial void GatewayLost(ILogger logger, string gateway);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Reconnecting to gateways failed")]
        public static partial void ReconnectFailed(ILogger logger, Exception exception);
    }
}
