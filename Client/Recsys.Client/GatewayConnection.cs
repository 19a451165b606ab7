using System.Net;
using Recsys.Runtime.Invocation;
using Recsys.Runtime.Messaging;

namespace Recsys.Client;

/// <summary>The client's connection to one gateway: opened with the hello handshake, marked dead when it fails.</summary>
internal sealed class GatewayConnection : IConnectionListener
{
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SystemTimeout = TimeSpan.FromSeconds(30);
    private readonly IPEndPoint _endpoint;
    private readonly ClusterClient _client;
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private Connection? _connection;
    private DateTimeOffset _deadSince = DateTimeOffset.MinValue;

    public GatewayConnection(IPEndPoint endpoint, ClusterClient client)
    {
        _endpoint = endpoint;
        _client = client;
        Name = endpoint.ToString();
    }

    public string Name { get; }

    public bool IsLive => _connection is { IsClosed: false };

    public bool ShouldRetry => !IsLive && _client.Time.GetUtcNow() - _deadSince >= _client.Options.GatewayRetryPeriod;

    public async Task TryConnectAsync(CancellationToken cancellationToken, bool ignoreRetryPeriod = false)
    {
        if (_client.IsDisposed || IsLive || (!ignoreRetryPeriod && !ShouldRetry && _deadSince != DateTimeOffset.MinValue))
        {
            return;
        }

        await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsLive)
            {
                return;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(HandshakeTimeout);
            var pipe = await DuplexPipe.ConnectAsync(_endpoint, timeout.Token).ConfigureAwait(false);
            var hello = await Handshake.ReceiveAsync(pipe.Input, timeout.Token).ConfigureAwait(false);
            var authenticator = new ConnectionAuthenticator(Microsoft.Extensions.Options.Options.Create(
                new Runtime.Configuration.Options.ClusterOptions { ClusterId = _client.Options.ClusterId, ClusterKey = _client.Options.ClusterKey }));
            await Handshake.SendAsync(pipe.Output, authenticator.Answer(new HelloMessage("client", _client.Options.ClusterId, null), hello.Nonce), timeout.Token).ConfigureAwait(false);
            var connection = new Connection(pipe, "gateway " + Name, _client.Codec, this, _client.Options.MaxFrameBytes, _client.Logger);
            _connection = connection;
            _ = connection.RunAsync();
        }
        catch (Exception)
        {
            _deadSince = _client.Time.GetUtcNow();
        }
        finally
        {
            _connecting.Release();
        }
    }

    public bool TrySend(Invokable request, int deadlineMilliseconds) =>
        _connection is { } connection && connection.TrySendRequest(request, deadlineMilliseconds);

    public Task<byte[]> SendSystemAsync(string operation, byte[] payload) =>
        (_connection ?? throw new SiloUnavailableException($"Gateway {Name} is not connected.")).SendSystemAsync(operation, payload, SystemTimeout);

    public void ExpireRequests(long now, List<Invokable> expired) => _connection?.ExpireRequests(now, expired);

    public async Task CloseAsync()
    {
        if (_connection is { } connection)
        {
            connection.Close(null);
            await connection.Closed.ConfigureAwait(false);
        }
    }

    public void OnRequest(Connection connection, Invokable request) =>
        request.Fail(new InvalidOperationException("A client hosts no grains."));

    public Task<byte[]> OnSystemRequestAsync(Connection connection, string operation, byte[] payload) =>
        Task.FromResult<byte[]>([.. "{}"u8]);

    public void OnClosed(Connection connection)
    {
        if (_connection == connection)
        {
            _deadSince = _client.Time.GetUtcNow();
            _client.OnGatewayLost(this);
        }
    }
}
