using Recsys.Runtime.Concurrency;

namespace Recsys.Runtime.Tests.Grains;

public interface ICounterGrain : IGrainWithIntegerKey
{
    Task<int> Increment();

    Task<long> GetActivationId();

    Task<string> GetContextId();

    Task<int> GetCount();

    Task Deactivate();

    Task Throw(string message);

    Task ThrowCustom(int code);
}

public interface IPingGrain : IGrainWithIntegerKey
{
    Task<int> Ping(int value);

    ValueTask<int> PingValue(int value);

    Task Nothing();

    /// <summary>Answers after yielding, so the caller's ValueTask waits on the request.</summary>
    ValueTask<int> PingLater(int value);

    ValueTask NothingLater();

    ValueTask FailLater(string message);
}

/// <summary>Records the order in which requests start and end, and can hold a request at a gate.</summary>
public interface ISequence : IGrainWithStringKey
{
    Task Hold(string name);

    [ReadOnly]
    Task ReadHold(string name);

    Task Quick(string name);

    [AlwaysInterleave]
    Task<string[]> Log();
}

public interface ISequenceGrain : ISequence
{
}

public interface IReentrantSequenceGrain : ISequence
{
}

public interface ICallerGrain : IGrainWithIntegerKey
{
    /// <summary>Calls a counter grain; returns (own context id, callee's context id seen by the callee).</summary>
    Task<string[]> CallCounter(long counterKey);

    /// <summary>Increments the counters firstKey .. firstKey + count - 1 all at once; returns the sum of their answers.</summary>
    Task<int> IncrementAll(long firstKey, int count);
}

public interface IWorkerGrain : IGrainWithIntegerKey
{
    Task<long> HoldAndReportActivation(string gate);
}

public interface IProfileGrain : IGrainWithStringKey
{
    Task<ProfileState> Get();

    Task SetName(string name);

    Task SetNameWithoutWrite(string name);

    Task<ICounterGrain?> GetFavourite();

    Task SetFavourite(ICounterGrain counter);

    Task<string?> GetETag();

    Task Clear();
}

public interface IReminderTestGrain : IGrainWithStringKey
{
    Task Register(string name, TimeSpan due, TimeSpan period);

    Task Unregister(string name);

    Task<string[]> Reminders();
}

public interface ITimerGrain : IGrainWithIntegerKey
{
    Task Start(TimeSpan period, bool keepAlive);

    Task Hold(string gate);

    Task StopTimer();

    Task<int> Ticks();
}

public interface IShortLivedGrain : IGrainWithIntegerKey
{
    Task Touch();
}

public interface IFilteredGrain : IGrainWithIntegerKey
{
    Task<int> Double(int value);
}

public sealed class ProfileState
{
    public string Name { get; set; } = "";

    public int Writes { get; set; }

    public ICounterGrain? Favourite { get; set; }
}

public sealed class CustomGrainException : Exception
{
    public CustomGrainException(int code)
        : base($"custom failure {code}")
    {
        Code = code;
    }

    public int Code { get; }
}
