using System.Buffers.Binary;
using System.Text;

namespace Recsys.Runtime.Messaging;

/// <summary>Reads the header fields of one frame body; any overrun is a malformed frame.</summary>
internal ref struct FrameReader
{
    private readonly ReadOnlySpan<byte> _body;
    private int _position;

    public FrameReader(ReadOnlySpan<byte> body)
    {
        _body = body;
        _position = 0;
    }

    public readonly ReadOnlySpan<byte> Remaining => _body[_position..];

    public byte ReadByte()
    {
        Need(1);
        return _body[_position++];
    }

    public int ReadInt32()
    {
        Need(4);
        var value = BinaryPrimitives.ReadInt32LittleEndian(_body[_position..]);
        _position += 4;
        return value;
    }

    public uint ReadUInt32()
    {
        Need(4);
        var value = BinaryPrimitives.ReadUInt32LittleEndian(_body[_position..]);
        _position += 4;
        return value;
    }

    public long ReadInt64()
    {
        Need(8);
        var value = BinaryPrimitives.ReadInt64LittleEndian(_body[_position..]);
        _position += 8;
        return value;
    }

    public string ReadString16()
    {
        Need(2);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(_body[_position..]);
        _position += 2;
        Need(count);
        var value = Encoding.UTF8.GetString(_body.Slice(_position, count));
        _position += count;
        return value;
    }

    private readonly void Need(int count)
    {
        if (_position + count > _body.Length)
        {
            throw new MalformedFrameException("frame ends inside its header");
        }
    }
}

/// <summary>A frame that cannot be parsed: the connection that sent it is closed; nothing else is affected.</summary>
internal sealed class MalformedFrameException : Exception
{
    public MalformedFrameException(string message)
        : base("Malformed frame: " + message)
    {
    }
}
