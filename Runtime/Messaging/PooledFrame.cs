using System.Buffers;

namespace Recsys.Runtime.Messaging;

/// <summary>An encoded frame in a rented buffer; the send loop returns the buffer once written.</summary>
internal readonly record struct PooledFrame(byte[] Buffer, int Length)
{
    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

    public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
}
