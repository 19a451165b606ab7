using System.Text.Json;
using Recsys.Runtime.Catalog;

namespace Recsys.Runtime.Invocation;

/// <summary>
/// One grain call: the code generator writes a sealed subclass per interface method holding the arguments in
/// typed fields. The base carries what the runtime needs on the way: target, deadline, and the links that keep
/// an admitted request on its activation's in-flight list (so the timeout sweep can find it).
/// </summary>
public abstract class Invokable
{
    private int _completed;

    public abstract MethodDescriptor Method { get; }

    public abstract int ArgumentCount { get; }

    public abstract object? GetArgument(int index);

    public abstract void SetArgument(int index, object? value);

    /// <summary>Writes the arguments as a JSON array (for the wire).</summary>
    public abstract void WriteArguments(Utf8JsonWriter writer, JsonSerializerOptions options);

    /// <summary>Reads the arguments from a JSON array written by <see cref="WriteArguments"/>.</summary>
    public abstract void ReadArguments(ref Utf8JsonReader reader, JsonSerializerOptions options);

    /// <summary>The grain this request is addressed to.</summary>
    public GrainId Target { get; internal set; }

    /// <summary>Timestamp (of the silo's TimeProvider) after which the caller stops waiting.</summary>
    internal long Deadline { get; set; } = long.MaxValue;

    /// <summary>How many times the request was forwarded between silos (bounded, so a stale directory cannot loop it).</summary>
    internal int ForwardCount { get; set; }

    /// <summary>When the request began executing, for the latency histogram.</summary>
    internal long StartedAt { get; set; }

    /// <summary>Whether this request counts as activity that keeps the activation from idle collection.</summary>
    internal virtual bool KeepsAlive => true;

    /// <summary>Whether the runtime records metrics for this request (timer ticks are not calls).</summary>
    internal virtual bool IsCall => true;

    internal Invokable? NextInFlight { get; set; }

    internal Invokable? PreviousInFlight { get; set; }

    internal bool IsCompleted => Volatile.Read(ref _completed) != 0;

    /// <summary>Claims the single right to complete this request (response, failure or timeout).</summary>
    internal bool TryClaimCompletion() => Interlocked.Exchange(ref _completed, 1) == 0;

    /// <summary>Runs the method on the activation's turn and reports back to it when the result is known.</summary>
    internal abstract void Execute(ActivationData activation);

    /// <summary>Completes the caller's wait with an error (timeout, rejection, activation failure).</summary>
    internal abstract void Fail(Exception exception);

    /// <summary>Sends the outcome to a remote caller instead of (or as well as) a local task.</summary>
    internal abstract void SetResponseSink(IResponseSink sink);

    /// <summary>Completes the caller's wait from a response frame: the JSON result, or an encoded exception.</summary>
    internal abstract void CompleteFromWire(bool succeeded, ReadOnlySpan<byte> json, JsonSerializerOptions options);

    /// <summary>Runs the method body through the incoming filters: used by the filter context.</summary>
    internal abstract Task<object?> InvokeBoxedAsync(object grain);

    public static ValueTask<VoidResult> FromTask(Task task)
    {
        if (task.IsCompletedSuccessfully)
        {
            return default;
        }

        return Await(task);

        static async ValueTask<VoidResult> Await(Task task)
        {
            await task;
            return default;
        }
    }

    public static ValueTask<VoidResult> FromValueTask(ValueTask task)
    {
        if (task.IsCompletedSuccessfully)
        {
            return default;
        }

        return Await(task);

        static async ValueTask<VoidResult> Await(ValueTask task)
        {
            await task;
            return default;
        }
    }

    public static void ExpectToken(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (reader.TokenType != expected)
        {
            throw new JsonException($"Expected {expected} in grain call arguments, found {reader.TokenType}.");
        }
    }

    public override string ToString() => Target + " " + Method.FullName;
}
