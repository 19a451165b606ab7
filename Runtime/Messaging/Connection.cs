using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Recsys.Runtime.Invocation;

namespace Recsys.Runtime.Messaging;

/// <summary>
/// One persistent TCP connection between silos, or between a client and a gateway. Requests from many callers are
/// multiplexed on it and matched to responses by id. One send loop batches queued frames into each flush; one
/// receive loop parses frames and hands them on. A malformed or oversized frame closes this connection only.
/// </summary>
internal sealed partial class Connection
{
    private readonly IDuplexPipe _pipe;
    private readonly Channel<PooledFrame> _outgoing = Channel.CreateUnbounded<PooledFrame>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, Invokable> _pending = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<byte[]>> _pendingSystem = new();
    private readonly MessageCodec _codec;
    private readonly IConnectionListener _listener;
    private readonly ILogger _logger;
    private readonly int _maxFrameBytes;
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextId;
    private int _closing;

    public Connection(IDuplexPipe pipe, string remoteName, MessageCodec codec, IConnectionListener listener, int maxFrameBytes, ILogger logger)
    {
        _pipe = pipe;
        RemoteName = remoteName;
        _codec = codec;
        _listener = listener;
        _maxFrameBytes = maxFrameBytes;
        _logger = logger;
    }

    /// <summary>Who is on the other end ("silo 127.0.0.1:11111@5", "client", ...): for logs and errors.</summary>
    public string RemoteName { get; set; }

    /// <summary>A client connected to this silo's gateway port: its calls are routed, not activated here.</summary>
    public bool IsGatewayClient { get; init; }

    /// <summary>Set once the peer's hello named it (silo connections).</summary>
    public object? RemoteIdentity { get; set; }

    public bool IsClosed => Volatile.Read(ref _closing) != 0;

    public Task Closed => _closed.Task;

    public int PendingCount => _pending.Count;

    /// <summary>Runs the send and receive loops until either ends; then fails what is pending.</summary>
    public async Task RunAsync()
    {
        // On the thread pool, whoever starts them: the loops must never run as a grain's turns or on a test's context.
        var send = Task.Run(SendLoopAsync);
        var receive = Task.Run(ReceiveLoopAsync);
        await Task.WhenAny(send, receive).ConfigureAwait(false);
        Close(null);
        await Task.WhenAll(send, receive).ConfigureAwait(false);
    }

    public bool TrySendRequest(Invokable request, int deadlineMilliseconds)
    {
        if (IsClosed)
        {
            return false;
        }

        var id = Interlocked.Increment(ref _nextId);
        _pending[id] = request;
        PooledFrame frame;
        try
        {
            frame = _codec.EncodeRequest(id, request, deadlineMilliseconds);
        }
        catch (Exception exception)
        {
            _pending.TryRemove(id, out _);
            request.Fail(exception);
            return true;
        }

        if (!_outgoing.Writer.TryWrite(frame))
        {
            frame.Return();
            _pending.TryRemove(id, out _);
            return false;
        }

        if (IsClosed && _pending.TryRemove(id, out _))
        {
            return false; // closed between the check and the write: the caller may try elsewhere
        }

        return true;
    }

    public void SendResponse(long id, Invokable request, object? result)
    {
        Enqueue(_codec.EncodeResponse(id, request, result));
    }

    public void SendException(long id, Exception exception)
    {
        Enqueue(_codec.EncodeException(FrameKind.Response, id, exception));
    }

    public void SendFrame(PooledFrame frame) => Enqueue(frame);

    /// <summary>A runtime-to-runtime request (directory, membership gossip, manifest): JSON in, JSON out.</summary>
    public async Task<byte[]> SendSystemAsync(string operation, byte[] payload, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var response = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pendingSystem[id] = response;
        if (IsClosed)
        {
            _pendingSystem.TryRemove(id, out _);
            throw new SiloUnavailableException($"The connection to {RemoteName} is closed.");
        }

        Enqueue(_codec.EncodeSystemRequest(id, operation, payload));
        try
        {
            return await response.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        finally
        {
            _pendingSystem.TryRemove(id, out _);
        }
    }

    /// <summary>Collects requests sent on this connection whose caller's deadline has passed.</summary>
    public void ExpireRequests(long now, List<Invokable> expired)
    {
        foreach (var (id, request) in _pending)
        {
            if (request.Deadline <= now && _pending.TryRemove(id, out _))
            {
                expired.Add(request);
            }
        }
    }

    public void Close(Exception? reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        if (reason is not null)
        {
            Log.Closed(_logger, reason, RemoteName);
        }

        _outgoing.Writer.TryComplete();
        _pipe.Input.CancelPendingRead();
        var failure = new SiloUnavailableException($"The connection to {RemoteName} closed before the response arrived.", reason);
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var request))
            {
                request.Fail(failure);
            }
        }

        foreach (var id in _pendingSystem.Keys)
        {
            if (_pendingSystem.TryRemove(id, out var response))
            {
                response.TrySetException(failure);
            }
        }

        _listener.OnClosed(this);
        _closed.TrySetResult();
    }

    private void Enqueue(PooledFrame frame)
    {
        if (!_outgoing.Writer.TryWrite(frame))
        {
            frame.Return();
        }
    }

    private async Task SendLoopAsync()
    {
        var reader = _outgoing.Reader;
        var output = _pipe.Output;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var frame))
                {
                    frame.Span.CopyTo(output.GetSpan(frame.Length));
                    output.Advance(frame.Length);
                    frame.Return();
                }

                var flushed = await output.FlushAsync().ConfigureAwait(false);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (Exception exception)
        {
            Close(exception);
        }
        finally
        {
            while (reader.TryRead(out var frame))
            {
                frame.Return();
            }

            await output.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var input = _pipe.Input;
        try
        {
            while (!IsClosed)
            {
                var result = await input.ReadAsync().ConfigureAwait(false);
                if (result.IsCanceled)
                {
                    break;
                }

                var buffer = result.Buffer;
                while (TryReadFrame(ref buffer, out var body))
                {
                    Handle(body);
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception exception)
        {
            Close(exception);
        }
        finally
        {
            await input.CompleteAsync().ConfigureAwait(false);
        }
    }

    private bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> body)
    {
        body = default;
        if (buffer.Length < 4)
        {
            return false;
        }

        Span<byte> prefix = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(prefix);
        var length = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        if (length <= 0 || length > _maxFrameBytes)
        {
            throw new MalformedFrameException($"frame length {length} is outside 1..{_maxFrameBytes} bytes");
        }

        if (buffer.Length < 4 + length)
        {
            return false;
        }

        body = buffer.Slice(4, length);
        buffer = buffer.Slice(4 + length);
        return true;
    }

    private void Handle(ReadOnlySequence<byte> body)
    {
        if (body.IsSingleSegment)
        {
            Handle(body.FirstSpan);
            return;
        }

        var copy = ArrayPool<byte>.Shared.Rent((int)body.Length);
        try
        {
            body.CopyTo(copy);
            Handle(copy.AsSpan(0, (int)body.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private void Handle(ReadOnlySpan<byte> body)
    {
        var reader = new FrameReader(body);
        var kind = (FrameKind)reader.ReadByte();
        switch (kind)
        {
            case FrameKind.Request:
                _codec.DecodeRequest(ref reader, this, _listener);
                break;
            case FrameKind.Response:
            {
                var id = reader.ReadInt64();
                var succeeded = reader.ReadByte() == 0;
                if (_pending.TryRemove(id, out var request))
                {
                    request.CompleteFromWire(succeeded, reader.Remaining, _codec.Options);
                }

                break;
            }

            case FrameKind.SystemRequest:
            {
                var id = reader.ReadInt64();
                var operation = reader.ReadString16();
                _ = AnswerSystemAsync(id, operation, reader.Remaining.ToArray());
                break;
            }

            case FrameKind.SystemResponse:
            {
                var id = reader.ReadInt64();
                var succeeded = reader.ReadByte() == 0;
                if (_pendingSystem.TryRemove(id, out var response))
                {
                    if (succeeded)
                    {
                        response.TrySetResult(reader.Remaining.ToArray());
                    }
                    else
                    {
                        response.TrySetException(ExceptionCodec.Read(reader.Remaining, _codec.Options));
                    }
                }

                break;
            }

            default:
                throw new MalformedFrameException($"unknown frame kind {(byte)kind}");
        }
    }

    private async Task AnswerSystemAsync(long id, string operation, byte[] payload)
    {
        try
        {
            var response = await _listener.OnSystemRequestAsync(this, operation, payload).ConfigureAwait(false);
            Enqueue(_codec.EncodeSystemResponse(id, response));
        }
        catch (Exception exception)
        {
            Enqueue(_codec.EncodeException(FrameKind.SystemResponse, id, exception));
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Connection to {Remote} closed")]
        public static partial void Closed(ILogger logger, Exception exception, string remote);
    }
}

/// <summary>What a connection hands incoming traffic to: the silo's router, or a client.</summary>
internal interface IConnectionListener
{
    /// <summary>A decoded request with its response sink set; the listener routes it.</summary>
    void OnRequest(Connection connection, Invokable request);

    Task<byte[]> OnSystemRequestAsync(Connection connection, string operation, byte[] payload);

    void OnClosed(Connection connection);
}
