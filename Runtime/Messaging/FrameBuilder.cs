using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace Recsys.Runtime.Messaging;

/// <summary>
/// Writes one frame into a rented, growable buffer: the length prefix is filled in last. Also an IBufferWriter,
/// so a Utf8JsonWriter writes the JSON part straight into the frame. One per thread, reused.
/// </summary>
internal sealed class FrameBuilder : IBufferWriter<byte>
{
    [ThreadStatic]
    private static FrameBuilder? t_cached;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(256);
    private int _written;
    private readonly Utf8JsonWriter _json;

    private FrameBuilder() => _json = new Utf8JsonWriter(this, new JsonWriterOptions { SkipValidation = true });

    public static FrameBuilder Start(FrameKind kind)
    {
        var builder = t_cached ?? new FrameBuilder();
        t_cached = null;
        builder._written = 4;
        builder.WriteByte((byte)kind);
        return builder;
    }

    public Utf8JsonWriter Json
    {
        get
        {
            _json.Reset(this);
            return _json;
        }
    }

    public void WriteByte(byte value)
    {
        GetSpan(1)[0] = value;
        _written++;
    }

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(GetSpan(4), value);
        _written += 4;
    }

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(GetSpan(4), value);
        _written += 4;
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(GetSpan(8), value);
        _written += 8;
    }

    /// <summary>A string as [uint16 byte count][UTF-8].</summary>
    public void WriteString16(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        if (count > ushort.MaxValue)
        {
            throw new ArgumentException("A frame header string is longer than 65,535 bytes.", nameof(value));
        }

        var span = GetSpan(2 + count);
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)count);
        Encoding.UTF8.GetBytes(value, span[2..]);
        _written += 2 + count;
    }

    /// <summary>Hands the finished frame to the caller (who returns the buffer) and recycles this builder.</summary>
    public PooledFrame Finish()
    {
        _json.Flush();
        BinaryPrimitives.WriteInt32LittleEndian(_buffer, _written - 4);
        var frame = new PooledFrame(_buffer, _written);
        _buffer = ArrayPool<byte>.Shared.Rent(256);
        _written = 0;
        t_cached = this;
        return frame;
    }

    /// <summary>Abandons the frame (encoding failed); the builder stays usable.</summary>
    public void Abandon()
    {
        _written = 0;
        t_cached = this;
    }

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    private void Ensure(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
