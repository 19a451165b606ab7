using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Text.Json;

namespace Recsys.Runtime.Messaging;

/// <summary>
/// The hello exchange that opens every connection, before any call may flow: each side sends one Hello frame and
/// reads the other's. A peer that sends anything else, too much, or nothing in time is refused.
/// </summary>
internal static class Handshake
{
    private const int MaxHelloBytes = 4096;

    public static async Task SendAsync(PipeWriter output, HelloMessage hello, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(hello, RuntimeJsonContext.Default.HelloMessage);
        var frame = new byte[4 + 1 + json.Length];
        BinaryPrimitives.WriteInt32LittleEndian(frame, 1 + json.Length);
        frame[4] = (byte)FrameKind.Hello;
        json.CopyTo(frame, 5);
        await output.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<HelloMessage> ReceiveAsync(PipeReader input, CancellationToken cancellationToken)
    {
        var prefix = new byte[4];
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length >= 4)
            {
                buffer.Slice(0, 4).CopyTo(prefix);
                var length = BinaryPrimitives.ReadInt32LittleEndian(prefix);
                if (length <= 1 || length > MaxHelloBytes)
                {
                    throw new MalformedFrameException($"a hello of {length} bytes");
                }

                if (buffer.Length >= 4 + length)
                {
                    var body = buffer.Slice(4, length).ToArray();
                    input.AdvanceTo(buffer.GetPosition(4 + length));
                    if (body[0] != (byte)FrameKind.Hello)
                    {
                        throw new MalformedFrameException("the first frame was not a hello");
                    }

                    return JsonSerializer.Deserialize(body.AsSpan(1), RuntimeJsonContext.Default.HelloMessage)
                        ?? throw new MalformedFrameException("an empty hello");
                }
            }

            if (result.IsCompleted)
            {
                throw new MalformedFrameException("the peer closed before its hello");
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
