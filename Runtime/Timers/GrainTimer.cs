using Microsoft.Extensions.Logging;
using Recsys.Runtime.Catalog;
using Recsys.Runtime.Invocation;
using Recsys.Runtime.Logging;

namespace Recsys.Runtime.Timers;

/// <summary>
/// A timer whose ticks are delivered to the activation as requests, so a tick is a turn like any call and obeys
/// the same interleaving rules. It never overlaps itself: the next period starts after the callback completes.
/// </summary>
internal sealed partial class GrainTimer : IGrainTimer
{
    private static readonly MethodDescriptor TickDescriptor = new(typeof(IGrainTimer), "Tick", 0, MethodFlags.None, [], typeof(VoidResult), () => throw new NotSupportedException());
    private static readonly MethodDescriptor InterleavingTickDescriptor = new(typeof(IGrainTimer), "Tick", 0, MethodFlags.AlwaysInterleave, [], typeof(VoidResult), () => throw new NotSupportedException());

    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly GrainTimerCreationOptions _options;
    private readonly ITimer _timer;
    private TimeSpan _period;
    private bool _disposed;

    public GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        _activation = activation;
        _callback = callback;
        _options = options;
        _period = options.Period;
        activation.RegisterTimer(this);
        _timer = activation.Services.Time.CreateTimer(static self => ((GrainTimer)self!).OnDue(), this, options.DueTime, Timeout.InfiniteTimeSpan);
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (this)
        {
            if (_disposed)
            {
                return;
            }

            _period = period;
            _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (this)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _timer.Dispose();
        _activation.UnregisterTimer(this);
    }

    private void OnDue()
    {
        lock (this)
        {
            if (_disposed)
            {
                return;
            }
        }

        var tick = new Tick(this);
        tick.Target = _activation.GrainId;
        if (!_activation.TryEnqueue(tick))
        {
            Dispose();
        }
    }

    private async ValueTask<VoidResult> RunAsync()
    {
        try
        {
            await _callback(_activation.Lifetime);
        }
        catch (Exception exception)
        {
            Log.CallbackFailed(_activation.Services.Logger, exception, _activation.GrainId);
        }
        finally
        {
            lock (this)
            {
                if (!_disposed && _period != Timeout.InfiniteTimeSpan)
                {
                    _timer.Change(_period, Timeout.InfiniteTimeSpan);
                }
            }
        }

        return default;
    }

    /// <summary>One tick, as a request on the activation.</summary>
    private sealed class Tick : Invokable<VoidResult>
    {
        private readonly GrainTimer _timer;

        public Tick(GrainTimer timer) => _timer = timer;

        public override MethodDescriptor Method => _timer._options.Interleave ? InterleavingTickDescriptor : TickDescriptor;

        public override int ArgumentCount => 0;

        internal override bool KeepsAlive => _timer._options.KeepAlive;

        internal override bool IsCall => false;

        public override object? GetArgument(int index) => throw new ArgumentOutOfRangeException(nameof(index));

        public override void SetArgument(int index, object? value) => throw new ArgumentOutOfRangeException(nameof(index));

        public override void WriteArguments(System.Text.Json.Utf8JsonWriter writer, System.Text.Json.JsonSerializerOptions options) =>
            throw new NotSupportedException("Timer ticks never leave their silo.");

        public override void ReadArguments(ref System.Text.Json.Utf8JsonReader reader, System.Text.Json.JsonSerializerOptions options) =>
            throw new NotSupportedException("Timer ticks never leave their silo.");

        protected override ValueTask<VoidResult> InvokeCore(object grain) => _timer.RunAsync();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = (int)RuntimeEventCode.TimerCallbackFailed, Level = LogLevel.Warning, Message = "A timer callback of {GrainId} threw")]
        public static partial void CallbackFailed(ILogger logger, Exception exception, GrainId grainId);
    }
}
