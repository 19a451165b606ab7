using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Invocation;
using Recsys.Runtime.Membership;

namespace Recsys.Runtime.Messaging;

/// <summary>
/// The silo's connections: one outbound connection per peer silo for the calls this silo makes, plus the inbound
/// connections of peers and clients. Incoming requests go to the router; system requests to their handlers.
/// </summary>
internal sealed partial class SiloMessageCenter : IConnectionListener, IAsyncDisposable
{
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<SiloAddress, Lazy<Task<Connection>>> _outbound = new();
    private readonly ConcurrentDictionary<Connection, byte> _all = new();
    private readonly MessageCodec _codec;
    private readonly LocalSiloDetails _local;
    private readonly ClusterOptions _cluster;
    private readonly EndpointOptions _endpoints;
    private readonly ConnectionAuthenticator _authenticator;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ILoggerFactory _loggers;
    private readonly Dictionary<string, Func<Connection, byte[], Task<byte[]>>> _systemHandlers = new(StringComparer.Ordinal);
    private int _stopped;
    private int _isolated;

    public SiloMessageCenter(
        MessageCodec codec,
        LocalSiloDetails local,
        IOptions<ClusterOptions> cluster,
        IOptions<EndpointOptions> endpoints,
        ConnectionAuthenticator authenticator,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        _codec = codec;
        _local = local;
        _cluster = cluster.Value;
        _endpoints = endpoints.Value;
        _authenticator = authenticator;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<SiloMessageCenter>();
        AddSystemHandler(SystemOperations.Ping, (_, _) => Task.FromResult(JsonSerializer.SerializeToUtf8Bytes(new EmptyMessage(), RuntimeJsonContext.Default.EmptyMessage)));
    }

    /// <summary>Where calls from other silos go (set by the silo at start).</summary>
    public Action<Invokable>? RequestHandler { get; set; }

    /// <summary>Where calls from clients through this gateway go (set by the silo at start).</summary>
    public Action<Invokable>? ClientRequestHandler { get; set; }

    public MessageCodec Codec => _codec;

    public IEnumerable<Connection> Connections => _all.Keys;

    public void AddSystemHandler(string operation, Func<Connection, byte[], Task<byte[]>> handler) => _systemHandlers[operation] = handler;

    /// <summary>
    /// Sends a grain request to a peer. If no connection can be opened the request was never sent, so
    /// <paramref name="unreachable"/> may route it elsewhere without breaking at-most-once; without it the request fails.
    /// </summary>
    public void SendRequest(SiloAddress silo, Invokable request, Action<Invokable, Exception>? unreachable = null)
    {
        var connecting = GetConnection(silo);
        if (connecting.IsCompletedSuccessfully)
        {
            Send(connecting.Result, silo, request);
            return;
        }

        _ = SendWhenConnectedAsync(connecting, silo, request, unreachable);
    }

    public async Task<byte[]> SendSystemAsync(SiloAddress silo, string operation, byte[] payload, TimeSpan timeout)
    {
        var connection = await GetConnection(silo).ConfigureAwait(false);
        return await connection.SendSystemAsync(operation, payload, timeout).ConfigureAwait(false);
    }

    /// <summary>
    /// Cuts this silo off from every peer and client, as a network partition would (tests): open connections close,
    /// new ones are refused both ways. The membership table stays reachable, so the silo can learn it was voted dead.
    /// </summary>
    public void Isolate()
    {
        Interlocked.Exchange(ref _isolated, 1);
        foreach (var connection in _all.Keys.ToList())
        {
            connection.Close(new SiloUnavailableException("isolated"));
        }
    }

    /// <summary>Accepts a connection from a peer silo or a client (Kestrel's side).</summary>
    public async Task AcceptAsync(IDuplexPipe pipe, string remote, bool gateway)
    {
        if (Volatile.Read(ref _isolated) != 0)
        {
            await pipe.Output.CompleteAsync().ConfigureAwait(false);
            await pipe.Input.CompleteAsync().ConfigureAwait(false);
            return;
        }

        HelloMessage hello;
        using (var timeout = new CancellationTokenSource(HandshakeTimeout))
        {
            try
            {
                var nonce = _authenticator.NewNonce();
                await Handshake.SendAsync(pipe.Output, new HelloMessage(gateway ? "gateway" : "silo", _cluster.ClusterId, _local.Address.ToString(), nonce), timeout.Token).ConfigureAwait(false);
                hello = await Handshake.ReceiveAsync(pipe.Input, timeout.Token).ConfigureAwait(false);
                _authenticator.Verify(hello, nonce, _cluster.ClusterId, expectClient: gateway);
            }
            catch (Exception exception)
            {
                Log.Refused(_logger, remote, exception.Message);
                await pipe.Output.CompleteAsync().ConfigureAwait(false);
                await pipe.Input.CompleteAsync().ConfigureAwait(false);
                return;
            }
        }

        var connection = new Connection(pipe, gateway ? "client " + remote : "silo " + hello.Silo, _codec, this, _endpoints.MaxFrameBytes, _logger)
        {
            IsGatewayClient = gateway,
        };
        await RunAsync(connection).ConfigureAwait(false);
    }

    public void OnRequest(Connection connection, Invokable request)
    {
        if ((connection.IsGatewayClient ? ClientRequestHandler : RequestHandler) is { } handler)
        {
            handler(request);
        }
        else
        {
            request.Fail(new SiloUnavailableException($"Silo {_local.Address} is not accepting calls yet."));
        }
    }

    public Task<byte[]> OnSystemRequestAsync(Connection connection, string operation, byte[] payload) =>
        _systemHandlers.TryGetValue(operation, out var handler)
            ? handler(connection, payload)
            : throw new InvalidOperationException($"Unknown system operation '{operation}'.");

    public void OnClosed(Connection connection)
    {
        _all.TryRemove(connection, out _);
        foreach (var (silo, lazy) in _outbound)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully && lazy.Value.Result == connection)
            {
                _outbound.TryRemove(new KeyValuePair<SiloAddress, Lazy<Task<Connection>>>(silo, lazy));
            }
        }
    }

    /// <summary>Drops the connections to silos that are no longer members.</summary>
    public void OnMembershipChanged(MembershipSnapshot snapshot)
    {
        foreach (var (silo, lazy) in _outbound)
        {
            var status = snapshot.StatusOf(silo);
            if (status is SiloStatus.Dead && _outbound.TryRemove(silo, out _) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                lazy.Value.Result.Close(new SiloUnavailableException($"Silo {silo} is dead."));
            }
        }
    }

    public void ExpireRequests(long now, List<Invokable> expired)
    {
        foreach (var connection in _all.Keys)
        {
            connection.ExpireRequests(now, expired);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _stopped, 1);
        var connections = _all.Keys.ToList();
        foreach (var connection in connections)
        {
            connection.Close(null);
        }

        await Task.WhenAll(connections.Select(c => c.Closed)).ConfigureAwait(false);
    }

    private Task<Connection> GetConnection(SiloAddress silo)
    {
        if (Volatile.Read(ref _stopped) != 0 || Volatile.Read(ref _isolated) != 0)
        {
            return Task.FromException<Connection>(new SiloUnavailableException($"Silo {_local.Address} is stopping or cut off."));
        }

        var lazy = _outbound.GetOrAdd(silo, s => new Lazy<Task<Connection>>(() => ConnectAsync(s)));
        var task = lazy.Value;
        if (task.IsFaulted || (task.IsCompletedSuccessfully && task.Result.IsClosed))
        {
            _outbound.TryRemove(new KeyValuePair<SiloAddress, Lazy<Task<Connection>>>(silo, lazy));
        }

        return task;
    }

    private async Task<Connection> ConnectAsync(SiloAddress silo)
    {
        using var timeout = new CancellationTokenSource(HandshakeTimeout);
        IDuplexPipe pipe;
        HelloMessage hello;
        try
        {
            pipe = await DuplexPipe.ConnectAsync(silo.Endpoint, timeout.Token).ConfigureAwait(false);
            hello = await Handshake.ReceiveAsync(pipe.Input, timeout.Token).ConfigureAwait(false);
            await Handshake.SendAsync(pipe.Output, _authenticator.Answer(new HelloMessage("silo", _cluster.ClusterId, _local.Address.ToString()), hello.Nonce), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            throw new SiloUnavailableException($"Cannot connect to silo {silo}: {exception.Message}", exception);
        }

        if (hello.Silo != silo.ToString())
        {
            throw new SiloUnavailableException($"The process at {silo.Endpoint} is {hello.Silo}, not {silo}.");
        }

        var connection = new Connection(pipe, "silo " + silo, _codec, this, _endpoints.MaxFrameBytes, _logger) { RemoteIdentity = silo };
        _ = RunAsync(connection);
        return connection;
    }

    private async Task RunAsync(Connection connection)
    {
        _all[connection] = 0;
        try
        {
            await connection.RunAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Log.ConnectionFailed(_logger, exception, connection.RemoteName);
        }
    }

    private void Send(Connection connection, SiloAddress silo, Invokable request)
    {
        var remaining = (request.Deadline - _time.GetTimestamp()) * 1000.0 / _time.TimestampFrequency;
        var deadline = (int)Math.Clamp(remaining, 0, int.MaxValue);
        if (!connection.TrySendRequest(request, deadline))
        {
            request.Fail(new SiloUnavailableException($"The connection to silo {silo} is closed."));
        }
    }

    private async Task SendWhenConnectedAsync(Task<Connection> connecting, SiloAddress silo, Invokable request, Action<Invokable, Exception>? unreachable)
    {
        Connection connection;
        try
        {
            connection = await connecting.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            var failure = exception as SiloUnavailableException ?? new SiloUnavailableException($"Cannot reach silo {silo}.", exception);
            if (unreachable is not null)
            {
                unreachable(request, failure);
            }
            else
            {
                request.Fail(failure);
            }

            return;
        }

        Send(connection, silo, request);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Refused a connection from {Remote}: {Reason}")]
        public static partial void Refused(ILogger logger, string remote, string reason);

        [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Connection {Remote} ended")]
        public static partial void ConnectionFailed(ILogger logger, Exception exception, string remote);
    }
}
