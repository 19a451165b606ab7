namespace Recsys.Runtime.Invocation;

/// <summary>Receives the outcome of a request whose caller is not waiting on a local task (a remote caller).</summary>
internal interface IResponseSink
{
    void OnResult(Invokable request, object? result);

    void OnException(Invokable request, Exception exception);
}
