using Microsoft.Extensions.Options;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Invocation;

namespace Recsys.Runtime.Messaging;

/// <summary>Calls made inside a silo: stamp the deadline, hand the request to the catalog, return the caller's wait.</summary>
internal sealed class SiloGrainCallInvoker : IGrainCallInvoker
{
    private readonly Catalog.Catalog _catalog;
    private readonly TimeProvider _time;
    private readonly long _timeoutTicks;

    public SiloGrainCallInvoker(Catalog.Catalog catalog, TimeProvider time, IOptions<MessagingOptions> options)
    {
        _catalog = catalog;
        _time = time;
        _timeoutTicks = (long)(options.Value.ResponseTimeout.TotalSeconds * time.TimestampFrequency);
    }

    public Task<TResult> InvokeAsync<TResult>(GrainReference target, Invokable<TResult> request)
    {
        request.Target = target.GrainId;
        request.Deadline = _time.GetTimestamp() + _timeoutTicks;
        var response = request.CreateCompletion();
        _catalog.Dispatch(request);
        return response;
    }
}
