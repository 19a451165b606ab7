using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

namespace Recsys.Runtime.Messaging;

/// <summary>A socket's two pipes, for the connecting side (Kestrel gives the accepting side its own).</summary>
internal sealed class DuplexPipe : IDuplexPipe
{
    private DuplexPipe(PipeReader input, PipeWriter output)
    {
        Input = input;
        Output = output;
    }

    public PipeReader Input { get; }

    public PipeWriter Output { get; }

    public static async Task<IDuplexPipe> ConnectAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var stream = new NetworkStream(socket, ownsSocket: true);
        return new DuplexPipe(PipeReader.Create(stream), PipeWriter.Create(stream));
    }
}
