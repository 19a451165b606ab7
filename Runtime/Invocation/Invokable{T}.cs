using System.Text.Json;
using System.Threading.Tasks.Sources;
using Recsys.Runtime.Catalog;
using Recsys.Runtime.Messaging;

namespace Recsys.Runtime.Invocation;

/// <summary>
/// A grain call whose result is a <typeparamref name="TResult"/>; the typed half of every generated request. A caller
/// in this process waits on the request itself (it is the source of the caller's <see cref="ValueTask{TResult}"/>,
/// as Orleans' ResponseCompletionSource is): a call made no TaskCompletionSource and no Task of its own, and a
/// method returning ValueTask allocates nothing beyond the request (issue 6: three calls per ingested event).
/// </summary>
public abstract class Invokable<TResult> : Invokable, IValueTaskSource<TResult>, IValueTaskSource
{
    // Never reset: a request is sent once, so its one wait keeps version 0. Continuations run where the outcome is
    // set (as a TaskCompletionSource's did); Deliver and Fail hide the activation's context from them.
    private ManualResetValueTaskSourceCore<TResult> _completion;
    private bool _awaited;
    private IResponseSink? _sink;

    /// <summary>Calls the method on the grain instance (generated).</summary>
    protected abstract ValueTask<TResult> InvokeCore(object grain);

    /// <summary>A local caller's wait for the result; made before the request is sent, at most once.</summary>
    internal ValueTask<TResult> CreateCompletion()
    {
        _awaited = true;
        return new ValueTask<TResult>(this, _completion.Version);
    }

    /// <summary>The same wait, for a method that returns no value.</summary>
    internal ValueTask CreateVoidCompletion()
    {
        _awaited = true;
        return new ValueTask(this, _completion.Version);
    }

    TResult IValueTaskSource<TResult>.GetResult(short token) => _completion.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<TResult>.GetStatus(short token) => _completion.GetStatus(token);

    void IValueTaskSource<TResult>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _completion.OnCompleted(continuation, state, token, flags);

    void IValueTaskSource.GetResult(short token) => _completion.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _completion.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _completion.OnCompleted(continuation, state, token, flags);

    /// <summary>A remote caller (or any non-task consumer) receives the outcome here instead.</summary>
    internal override void SetResponseSink(IResponseSink sink) => _sink = sink;

    internal override void Execute(ActivationData activation)
    {
        ValueTask<TResult> pending;
        try
        {
            pending = activation.HasIncomingFilters
                ? activation.InvokeThroughFilters<TResult>(this)
                : InvokeCore(activation.GrainInstance);
        }
        catch (Exception exception)
        {
            Finish(activation, default, exception);
            return;
        }

        if (pending.IsCompleted)
        {
            Complete(activation, pending);
        }
        else
        {
            _ = AwaitAsync(activation, pending);
        }
    }

    internal override Task<object?> InvokeBoxedAsync(object grain)
    {
        var pending = InvokeCore(grain);
        if (pending.IsCompletedSuccessfully)
        {
            return Task.FromResult<object?>(pending.Result);
        }

        return Box(pending);

        static async Task<object?> Box(ValueTask<TResult> pending) => await pending;
    }

    // The continuation resumes on the activation's synchronization context, so the completion is a turn.
    private async Task AwaitAsync(ActivationData activation, ValueTask<TResult> pending)
    {
        TResult result;
        try
        {
            result = await pending;
        }
        catch (Exception exception)
        {
            Finish(activation, default, exception);
            return;
        }

        Finish(activation, result, null);
    }

    private void Complete(ActivationData activation, ValueTask<TResult> pending)
    {
        TResult result;
        try
        {
            result = pending.Result;
        }
        catch (Exception exception)
        {
            Finish(activation, default, exception);
            return;
        }

        Finish(activation, result, null);
    }

    private void Finish(ActivationData activation, TResult? result, Exception? exception)
    {
        activation.OnRequestFinished(this, exception);
        if (exception is null)
        {
            Deliver(result!);
        }
        else
        {
            Fail(exception);
        }
    }

    internal override void CompleteFromWire(bool succeeded, ReadOnlySpan<byte> json, JsonSerializerOptions options)
    {
        if (!succeeded)
        {
            Fail(ExceptionCodec.Read(json, options));
            return;
        }

        TResult result;
        try
        {
            result = JsonSerializer.Deserialize<TResult>(json, options)!;
        }
        catch (Exception exception)
        {
            Fail(exception);
            return;
        }

        Deliver(result);
    }

    private void Deliver(TResult result)
    {
        if (!TryClaimCompletion())
        {
            return; // the caller already gave up (timeout); at most once, the late result is dropped
        }

        // The caller's continuation may run inline: it must not believe it runs on this activation.
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            if (_awaited)
            {
                _completion.SetResult(result);
            }

            _sink?.OnResult(this, result);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    internal override void Fail(Exception exception)
    {
        if (!TryClaimCompletion())
        {
            return;
        }

        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            if (_awaited)
            {
                _completion.SetException(exception);
            }

            _sink?.OnException(this, exception);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }
}
