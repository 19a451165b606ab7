using System.Collections.Concurrent;
using Recsys.Runtime;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Storage;

namespace Recsys.Cluster.Tests.Grains;

public interface IAccountGrain : IGrainWithIntegerKey
{
    /// <summary>Adds to the balance, writes it, and says which silo and activation did it.</summary>
    Task<Deposit> Deposit(int amount);

    Task<int> Balance();

    Task<string> Silo();

    Task Fail(string reason, int code);

    ValueTask<int> BalanceLater();

    ValueTask FailLater(string reason, int code);
}

public sealed record Deposit(int Balance, string Silo, long ActivationId);

public sealed class AccountState
{
    public int Balance { get; set; }
}

public sealed class AccountRejectedException : Exception
{
    public AccountRejectedException(string reason, int code)
        : base($"rejected: {reason}")
    {
        Reason = reason;
        Code = code;
    }

    public string Reason { get; }

    public int Code { get; }
}

public sealed class AccountGrain : Grain, IAccountGrain
{
    /// <summary>Every activation ever made, per grain: one per grain means single activation held.</summary>
    public static readonly ConcurrentDictionary<string, ConcurrentBag<string>> Activations = new();

    private readonly IPersistentState<AccountState> _state;

    public AccountGrain([PersistentState("account")] IPersistentState<AccountState> state) => _state = state;

    private string Here => ServiceProvider.GetService(typeof(ISiloControl)) is null ? "?" : Activation.Services.Locator.Self.ToString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Activations.GetOrAdd(GrainId.ToString(), _ => []).Add(Here + "#" + Activation.ActivationId);
        return Task.CompletedTask;
    }

    public async Task<Deposit> Deposit(int amount)
    {
        _state.State.Balance += amount;
        await _state.WriteStateAsync();
        return new Deposit(_state.State.Balance, Here, Activation.ActivationId);
    }

    public Task<int> Balance() => Task.FromResult(_state.State.Balance);

    public Task<string> Silo() => Task.FromResult(Here);

    public Task Fail(string reason, int code) => throw new AccountRejectedException(reason, code);

    public async ValueTask<int> BalanceLater()
    {
        await Task.Yield();
        return _state.State.Balance;
    }

    public async ValueTask FailLater(string reason, int code)
    {
        await Task.Yield();
        throw new AccountRejectedException(reason, code);
    }
}
