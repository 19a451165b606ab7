using Microsoft.AspNetCore.Connections;

namespace Recsys.Runtime.Messaging;

/// <summary>Kestrel's entry for the silo-to-silo port: every accepted socket becomes a silo connection.</summary>
internal sealed class SiloConnectionHandler : ConnectionHandler
{
    private readonly SiloMessageCenter _messages;

    public SiloConnectionHandler(SiloMessageCenter messages) => _messages = messages;

    public override Task OnConnectedAsync(ConnectionContext connection) =>
        _messages.AcceptAsync(connection.Transport, connection.RemoteEndPoint?.ToString() ?? "unknown", gateway: false);
}

/// <summary>Kestrel's entry for the client gateway port.</summary>
internal sealed class GatewayConnectionHandler : ConnectionHandler
{
    private readonly SiloMessageCenter _messages;

    public GatewayConnectionHandler(SiloMessageCenter messages) => _messages = messages;

    public override Task OnConnectedAsync(ConnectionContext connection) =>
        _messages.AcceptAsync(connection.Transport, connection.RemoteEndPoint?.ToString() ?? "unknown", gateway: true);
}
