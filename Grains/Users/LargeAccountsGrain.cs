using Recsys.Grains.Interfaces.Users;
using Recsys.Runtime;
using Recsys.Runtime.Storage;

namespace Recsys.Grains.Users;

/// <summary>The registry of authors too large to fan out (pulled at read time instead).</summary>
[GrainType("largeaccounts")]
public sealed class LargeAccountsGrain(
    [PersistentState("accounts")] IPersistentState<LargeAccountsState> state) : Grain, ILargeAccountsGrain
{
    private long[]? _all;

    public async Task Set(long userId, bool large)
    {
        if (large ? state.State.Ids.Add(userId) : state.State.Ids.Remove(userId))
        {
            _all = null;
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<long>> GetAll() => Task.FromResult<IReadOnlyList<long>>(_all ??= state.State.Ids.Order().ToArray());
}

public sealed class LargeAccountsState
{
    public HashSet<long> Ids { get; set; } = [];
}
