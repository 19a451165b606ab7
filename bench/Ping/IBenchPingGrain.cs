using Recsys.Runtime;

namespace Recsys.Bench.Ping;

public interface IBenchPingGrain : IGrainWithIntegerKey
{
    Task<int> Ping(int value);
}

public sealed class BenchPingGrain : Grain, IBenchPingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value);
}
