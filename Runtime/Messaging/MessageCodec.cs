using System.Text.Json;
using Recsys.Runtime.Invocation;
using Recsys.Runtime.Storage;

namespace Recsys.Runtime.Messaging;

/// <summary>
/// Encodes and decodes grain calls as frames (layout in <see cref="FrameKind"/>). Arguments and results are JSON
/// written by the generated request types through the runtime's serializer options (source-generated contexts
/// first, reflection as the fallback).
/// </summary>
internal sealed class MessageCodec
{
    private readonly TimeProvider _time;

    public MessageCodec(GrainStateJson json, TimeProvider time)
    {
        Options = json.Options;
        _time = time;
    }

    public JsonSerializerOptions Options { get; }

    public PooledFrame EncodeRequest(long id, Invokable request, int deadlineMilliseconds)
    {
        var builder = FrameBuilder.Start(FrameKind.Request);
        try
        {
            builder.WriteInt64(id);
            builder.WriteInt32(deadlineMilliseconds);
            builder.WriteByte((byte)Math.Min(request.ForwardCount, byte.MaxValue));
            builder.WriteUInt32(request.Method.MethodId);
            builder.WriteString16(request.Method.InterfaceType.FullName!);
            builder.WriteString16(request.Target.ToString());
            request.WriteArguments(builder.Json, Options);
            return builder.Finish();
        }
        catch
        {
            builder.Abandon();
            throw;
        }
    }

    /// <summary>
    /// Reads a request frame. A broken header is a malformed frame (the connection closes); arguments that do not
    /// read are answered with the exception, so one bad call does not cost the connection.
    /// </summary>
    public void DecodeRequest(ref FrameReader reader, Connection connection, IConnectionListener listener)
    {
        var id = reader.ReadInt64();
        var deadlineMilliseconds = reader.ReadInt32();
        var forwards = reader.ReadByte();
        var methodId = reader.ReadUInt32();
        var interfaceName = reader.ReadString16();
        var grain = reader.ReadString16();
        Invokable request;
        try
        {
            if (!GrainInterfaceRegistry.TryGet(interfaceName, out var info))
            {
                throw new InvalidOperationException($"Unknown grain interface {interfaceName}.");
            }

            var method = info.FindMethod(info.InterfaceType, methodId)
                ?? throw new InvalidOperationException($"Grain interface {interfaceName} has no method with id {methodId:X8}.");
            request = method.Factory();
            var json = new Utf8JsonReader(reader.Remaining);
            json.Read();
            request.ReadArguments(ref json, Options);
            request.Target = GrainId.Parse(grain);
        }
        catch (Exception exception) when (exception is not MalformedFrameException)
        {
            connection.SendException(id, exception);
            return;
        }

        request.ForwardCount = forwards;
        request.Deadline = _time.GetTimestamp() + (long)(deadlineMilliseconds / 1000.0 * _time.TimestampFrequency);
        request.SetResponseSink(new RemoteResponseSink(connection, id));
        listener.OnRequest(connection, request);
    }

    public PooledFrame EncodeResponse(long id, Invokable request, object? result)
    {
        var builder = FrameBuilder.Start(FrameKind.Response);
        try
        {
            builder.WriteInt64(id);
            builder.WriteByte(0);
            JsonSerializer.Serialize(builder.Json, result, request.Method.ResultType, Options);
            return builder.Finish();
        }
        catch (Exception exception)
        {
            builder.Abandon();
            return EncodeException(FrameKind.Response, id, exception);
        }
    }

    public PooledFrame EncodeException(FrameKind kind, long id, Exception exception)
    {
        var builder = FrameBuilder.Start(kind);
        builder.WriteInt64(id);
        builder.WriteByte(1);
        ExceptionCodec.Write(builder.Json, exception, Options);
        return builder.Finish();
    }

    public PooledFrame EncodeSystemRequest(long id, string operation, byte[] payload)
    {
        var builder = FrameBuilder.Start(FrameKind.SystemRequest);
        builder.WriteInt64(id);
        builder.WriteString16(operation);
        payload.CopyTo(builder.GetSpan(payload.Length));
        builder.Advance(payload.Length);
        return builder.Finish();
    }

    public PooledFrame EncodeSystemResponse(long id, byte[] payload)
    {
        var builder = FrameBuilder.Start(FrameKind.SystemResponse);
        builder.WriteInt64(id);
        builder.WriteByte(0);
        payload.CopyTo(builder.GetSpan(payload.Length));
        builder.Advance(payload.Length);
        return builder.Finish();
    }

    /// <summary>Sends the outcome of a request that arrived over a connection back on that connection.</summary>
    private sealed class RemoteResponseSink : IResponseSink
    {
        private readonly Connection _connection;
        private readonly long _id;

        public RemoteResponseSink(Connection connection, long id)
        {
            _connection = connection;
            _id = id;
        }

        public void OnResult(Invokable request, object? result) => _connection.SendResponse(_id, request, result);

        public void OnException(Invokable request, Exception exception) => _connection.SendException(_id, exception);
    }
}
