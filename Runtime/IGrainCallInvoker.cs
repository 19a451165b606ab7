using Recsys.Runtime.Invocation;

namespace Recsys.Runtime;

/// <summary>
/// Sends a request to a grain: the silo's catalog, or a gateway connection. The outcome completes the request itself,
/// on which the caller already waits (<see cref="GrainReference"/> made the wait before sending).
/// </summary>
public interface IGrainCallInvoker
{
    void Send(GrainReference target, Invokable request);
}
