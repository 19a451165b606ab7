using Microsoft.Extensions.Options;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Invocation;

namespace Recsys.Runtime.Messaging;

/// <summary>
/// Fails calls whose deadline passed with a <see cref="TimeoutException"/> naming grain and method. One periodic
/// sweep over in-flight requests instead of a timer per call: calls stay cheap, a timeout fires up to one sweep late.
/// </summary>
internal sealed class ResponseTimeoutSweeper : IDisposable
{
    private readonly Catalog.Catalog _catalog;
    private readonly SiloMessageCenter _messages;
    private readonly TimeProvider _time;
    private readonly MessagingOptions _options;
    private readonly List<Invokable> _expired = [];
    private ITimer? _timer;

    public ResponseTimeoutSweeper(Catalog.Catalog catalog, SiloMessageCenter messages, TimeProvider time, IOptions<MessagingOptions> options)
    {
        _catalog = catalog;
        _messages = messages;
        _time = time;
        _options = options.Value;
    }

    public void Start() =>
        _timer = _time.CreateTimer(static self => ((ResponseTimeoutSweeper)self!).Sweep(), this, _options.TimeoutSweepPeriod, _options.TimeoutSweepPeriod);

    public void Sweep()
    {
        lock (_expired)
        {
            var now = _time.GetTimestamp();
            foreach (var activation in _catalog.Activations)
            {
                activation.ExpireRequests(now, _expired);
            }

            _messages.ExpireRequests(now, _expired);

            foreach (var request in _expired)
            {
                request.Fail(new TimeoutException(
                    $"Response did not arrive on time in {_options.ResponseTimeout} for call to {request.Target} {request.Method.FullName}."));
            }

            _expired.Clear();
        }
    }

    public void Dispose() => _timer?.Dispose();
}
