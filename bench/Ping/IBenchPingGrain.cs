using Recsys.Runtime;

namespace Recsys.Bench.Ping;

public interface IBenchPingGrain : IGrainWithIntegerKey
{
    Task<int> Ping(int value);
}

/// <summary>Pings, and says which silo it lives on (the silo-to-silo bench picks keys living on the far silo).</summary>
public sealed class BenchPingGrain : Grain, IBenchPingGrain, IRemotePingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value);

    public Task<string> Where() => Task.FromResult(Activation.Services.Locator.Self.ToString());
}
