using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Recsys.Grains.Training.ServedLog;

/// <summary>
/// Writes served items to the <see cref="IServedLog"/> off the request path. <see cref="TryWrite"/> puts an item in a
/// bounded in-memory buffer and returns at once; a background loop writes what gathered every
/// <see cref="ServedLogOptions.FlushInterval"/> (or as soon as a batch is full), in batches of
/// <see cref="ServedLogOptions.BatchSize"/>. A full buffer drops new items rather than slow a page; a failed write is
/// logged and its batch dropped. On a clean stop the buffer is written out; a crash loses what was not yet written
/// (at most about one flush interval of pages), which training tolerates: it is a sample of what was served.
/// </summary>
public sealed partial class ServedLogWriter : BackgroundService
{
    private readonly IServedLog _log;
    private readonly ServedLogOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ServedLogWriter> _logger;
    private readonly Channel<ServedItem> _buffer;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private long _dropped;
    private long _written;
    private long _failed;
    private long _droppedReported;

    public ServedLogWriter(IServedLog log, IOptions<ServedLogOptions> options, TimeProvider time, ILogger<ServedLogWriter> logger)
    {
        (_log, _options, _time, _logger) = (log, options.Value, time, logger);
        _buffer = Channel.CreateBounded<ServedItem>(
            new BoundedChannelOptions(_options.BufferCapacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    /// <summary>Items dropped because the buffer was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Items written to the log.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Items lost to failed writes.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Buffers an item for the next write; never waits.</summary>
    public void TryWrite(ServedItem item) => _buffer.Writer.TryWrite(item);

    /// <summary>Writes everything buffered now (the training job calls it first, so the newest pages count).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            var batch = new List<ServedItem>(_options.BatchSize);
            while (_buffer.Reader.TryRead(out var item))
            {
                batch.Add(item);
                if (batch.Count == _options.BatchSize)
                {
                    await WriteAsync(batch);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await WriteAsync(batch);
            }

            var dropped = Dropped;
            if (dropped > _droppedReported)
            {
                Log.Dropped(_logger, dropped - _droppedReported, _options.BufferCapacity);
                _droppedReported = dropped;
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Stops the loop, then writes what is still buffered.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(CancellationToken.None);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _buffer.Reader.WaitToReadAsync(stoppingToken))
            {
                if (_buffer.Reader.Count < _options.BatchSize)
                {
                    await Task.Delay(_options.FlushInterval, _time, stoppingToken); // let a second's pages gather into one write
                }

                await FlushAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: StopAsync writes what is buffered
        }
    }

    private async Task WriteAsync(List<ServedItem> batch)
    {
        try
        {
            await _log.AppendAsync(batch);
            Interlocked.Add(ref _written, batch.Count);
        }
        catch (Exception exception)
        {
            Interlocked.Add(ref _failed, batch.Count);
            Log.WriteFailed(_logger, exception, batch.Count);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = (int)Logging.DomainEventCode.ServedLogWriteFailed, Level = LogLevel.Warning,
            Message = "Writing {Count} served items to the served-item log failed; they are dropped")]
        public static partial void WriteFailed(ILogger logger, Exception exception, int count);

        [LoggerMessage(EventId = (int)Logging.DomainEventCode.ServedLogDropped, Level = LogLevel.Warning,
            Message = "{Count} served items were dropped since the last write: the buffer of {Capacity} was full")]
        public static partial void Dropped(ILogger logger, long count, int capacity);
    }
}
