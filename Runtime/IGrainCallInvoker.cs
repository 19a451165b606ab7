using Recsys.Runtime.Invocation;

namespace Recsys.Runtime;

/// <summary>Sends a request to a grain and returns the caller's wait: the silo's catalog, or a gateway connection.</summary>
public interface IGrainCallInvoker
{
    Task<TResult> InvokeAsync<TResult>(GrainReference target, Invokable<TResult> request);
}
