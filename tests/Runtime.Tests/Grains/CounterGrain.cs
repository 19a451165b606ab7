using System.Runtime.CompilerServices;

namespace Recsys.Runtime.Tests.Grains;

public sealed class CounterGrain : Grain, ICounterGrain
{
    private int _count;

    public CounterGrain() => Probe.Increment("counter-constructed:" + GrainId.Key);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Probe.Increment("counter-activated:" + GrainId.Key);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Probe.Increment("counter-deactivated:" + GrainId.Key);
        Probe.Signal($"counter-deactivated:{GrainId.Key}:{reason.Code}");
        return Task.CompletedTask;
    }

    public Task<int> Increment() => Task.FromResult(++_count);

    public Task<int> GetCount() => Task.FromResult(_count);

    public Task<long> GetActivationId() => Task.FromResult(Activation.ActivationId);

    public Task<string> GetContextId() =>
        Task.FromResult(SynchronizationContext.Current is { } context ? RuntimeHelpers.GetHashCode(context).ToString() : "none");

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task Throw(string message) => throw new ArgumentException(message);

    public async Task ThrowCustom(int code)
    {
        await Task.Yield();
        throw new CustomGrainException(code);
    }
}

public sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value);

    public ValueTask<int> PingValue(int value) => ValueTask.FromResult(value);

    public Task Nothing() => Task.CompletedTask;

    public async ValueTask<int> PingLater(int value)
    {
        await Task.Yield();
        return value;
    }

    public async ValueTask NothingLater() => await Task.Yield();

    public async ValueTask FailLater(string message)
    {
        await Task.Yield();
        throw new ArgumentException(message);
    }
}

public sealed class CallerGrain : Grain, ICallerGrain
{
    public async Task<string[]> CallCounter(long counterKey)
    {
        var mine = SynchronizationContext.Current is { } context ? RuntimeHelpers.GetHashCode(context).ToString() : "none";
        var theirs = await GrainFactory.GetGrain<ICounterGrain>(counterKey).GetContextId();
        var mineAfter = SynchronizationContext.Current is { } after ? RuntimeHelpers.GetHashCode(after).ToString() : "none";
        return [mine, theirs, mineAfter];
    }

    public async Task<int> IncrementAll(long firstKey, int count)
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(i => GrainFactory.GetGrain<ICounterGrain>(firstKey + i).Increment()));
        return answers.Sum();
    }
}
