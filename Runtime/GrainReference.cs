using Recsys.Runtime.Invocation;

namespace Recsys.Runtime;

/// <summary>
/// A location-free handle to a grain: identity plus interface. Generated proxies derive from it. Making one does
/// not activate anything; it can be stored in state and passed in calls (it serializes as its grain id).
/// </summary>
public abstract class GrainReference : IEquatable<GrainReference>
{
    protected GrainReference(GrainReferenceShared shared, GrainId grainId)
    {
        Shared = shared;
        GrainId = grainId;
    }

    public GrainId GrainId { get; }

    public Type InterfaceType => Shared.InterfaceInfo.InterfaceType;

    internal GrainReferenceShared Shared { get; }

    protected Task<TResult> InvokeAsync<TResult>(Invokable<TResult> request) => InvokeValueTaskAsync(request).AsTask();

    protected Task InvokeVoidAsync(Invokable<VoidResult> request) => InvokeValueTaskAsync(request).AsTask();

    protected ValueTask<TResult> InvokeValueTaskAsync<TResult>(Invokable<TResult> request)
    {
        var wait = request.CreateCompletion();
        Shared.Invoker.Send(this, request);
        return wait;
    }

    protected ValueTask InvokeVoidValueTaskAsync(Invokable<VoidResult> request)
    {
        var wait = request.CreateVoidCompletion();
        Shared.Invoker.Send(this, request);
        return wait;
    }

    public bool Equals(GrainReference? other) => other is not null && GrainId == other.GrainId && InterfaceType == other.InterfaceType;

    public override bool Equals(object? obj) => obj is GrainReference other && Equals(other);

    public override int GetHashCode() => GrainId.GetHashCode();

    public override string ToString() => GrainId.ToString();
}
