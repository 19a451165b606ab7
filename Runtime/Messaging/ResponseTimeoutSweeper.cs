using Microsoft.Extensions.Options;
using Recsys.Runtime.Catalog;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Invocation;

namespace Recsys.Runtime.Messaging;

/// <summary>
/// Fails calls whose deadline passed with a <see cref="TimeoutException"/> naming grain and method. One periodic
/// sweep over in-flight requests instead of a timer per call: calls stay cheap, a timeout fires up to one sweep late.
/// The sweep visits the activations on the <see cref="InFlightWatchList"/> (those with requests in flight), not the catalog.
/// </summary>
internal sealed class ResponseTimeoutSweeper : IDisposable
{
    private readonly InFlightWatchList _watchList;
    private readonly SiloMessageCenter _messages;
    private readonly TimeProvider _time;
    private readonly MessagingOptions _options;
    private readonly List<Invokable> _expired = [];
    private ITimer? _timer;

    public ResponseTimeoutSweeper(InFlightWatchList watchList, SiloMessageCenter messages, TimeProvider time, IOptions<MessagingOptions> options)
    {
        _watchList = watchList;
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
            var watched = _watchList.TakeAll();
            foreach (var activation in watched)
            {
                activation.ExpireRequests(now, _expired); // adds itself back while it has requests in flight
            }

            _watchList.Recycle(watched);

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
