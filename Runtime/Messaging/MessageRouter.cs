using Microsoft.Extensions.Options;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.GrainDirectory;
using Recsys.Runtime.Invocation;
using Recsys.Runtime.Membership;
using Recsys.Runtime.Placement;

namespace Recsys.Runtime.Messaging;

/// <summary>
/// Where a silo sends each grain call: an existing local activation or stateless worker first; else the silo the
/// directory names (cached); else the silo placement picks, which activates and registers it. Calls to another
/// silo are forwarded over its connection transparently; a stale location costs at most two forwards.
/// </summary>
internal sealed class MessageRouter : IGrainCallInvoker
{
    private const int MaxForwardCount = 2;
    private readonly Catalog.Catalog _catalog;
    private readonly GrainLocator _locator;
    private readonly SiloMessageCenter _messages;
    private readonly IClusterMembership _membership;
    private readonly TimeProvider _time;
    private readonly long _timeoutTicks;
    private readonly Action<Invokable, Exception> _onUnreachable;

    public MessageRouter(Catalog.Catalog catalog, GrainLocator locator, SiloMessageCenter messages, IClusterMembership membership, TimeProvider time, IOptions<MessagingOptions> options)
    {
        _catalog = catalog;
        _locator = locator;
        _messages = messages;
        _membership = membership;
        _time = time;
        _timeoutTicks = (long)(options.Value.ResponseTimeout.TotalSeconds * time.TimestampFrequency);
        _onUnreachable = (request, failure) => _ = RerouteAsync(request, failure);
    }

    public void Send(GrainReference target, Invokable request)
    {
        request.Target = target.GrainId;
        request.Deadline = _time.GetTimestamp() + _timeoutTicks;
        Route(request);
    }

    /// <summary>Routes a call made here or received from a client through this silo's gateway.</summary>
    public void Route(Invokable request)
    {
        if (_catalog.TryDispatchLocal(request))
        {
            return;
        }

        if (_locator.TryGetCached(request.Target, out var address))
        {
            Deliver(request, address.Silo);
            return;
        }

        _ = RouteAfterLookupAsync(request);
    }

    /// <summary>A call another silo sent here: it was placed here or the directory says it lives here.</summary>
    public void Receive(Invokable request) => _catalog.Dispatch(request);

    /// <summary>Sends a call to the activation that won the directory registration.</summary>
    public void Forward(Invokable request, GrainAddress winner)
    {
        if (++request.ForwardCount > MaxForwardCount)
        {
            request.Fail(new InvalidOperationException($"Call to {request.Target} {request.Method.FullName} was forwarded more than {MaxForwardCount} times."));
            return;
        }

        Deliver(request, winner.Silo);
    }

    private async Task RouteAfterLookupAsync(Invokable request)
    {
        try
        {
            GrainAddress? address;
            try
            {
                address = await _locator.LookupAsync(request.Target).ConfigureAwait(false);
            }
            catch (SiloUnavailableException)
            {
                // the directory owner is unreachable: perhaps it just died; look again with a fresh view
                await _membership.RefreshAsync().ConfigureAwait(false);
                address = await _locator.LookupAsync(request.Target).ConfigureAwait(false);
            }

            Deliver(request, address?.Silo ?? Place(request.Target));
        }
        catch (Exception exception)
        {
            request.Fail(exception);
        }
    }

    private void Deliver(Invokable request, SiloAddress silo)
    {
        if (silo.Equals(_locator.Self))
        {
            _catalog.Dispatch(request);
        }
        else
        {
            _messages.SendRequest(silo, request, _onUnreachable);
        }
    }

    // Never sent, so safe to route again: refresh the view (the silo may have been declared dead), drop the stale
    // location, and try once more within the forward limit.
    private async Task RerouteAsync(Invokable request, Exception failure)
    {
        try
        {
            if (++request.ForwardCount > MaxForwardCount)
            {
                request.Fail(failure);
                return;
            }

            await _membership.RefreshAsync().ConfigureAwait(false);
            if (_locator.TryGetCached(request.Target, out var stale))
            {
                _locator.Invalidate(stale);
            }

            Route(request);
        }
        catch (Exception exception)
        {
            request.Fail(exception);
        }
    }

    private SiloAddress Place(GrainId grainId)
    {
        var strategy = _catalog.Registry.TryGetByType(grainId.Type, out var classInfo) ? classInfo.Placement : PlacementStrategy.Random;
        return PlacementDirector.Place(strategy, grainId, _membership.Current.ActiveSilos, _locator.Self);
    }
}
