using Recsys.Runtime.Filters;
using Recsys.Runtime.Hosting;
using Recsys.Runtime.Tests.Grains;
using Recsys.Runtime.Tests.Support;

namespace Recsys.Runtime.Tests;

[Trait("Category", "BVT")]
[Trait("Area", "Filters")]
public sealed class FilterTests
{
    [Fact]
    public async Task ASiloWideFilterSeesAndChangesArgumentsAroundEveryCall()
    {
        await using var cluster = await OneSilo.StartAsync(configure: silo =>
        {
            silo.AddMemoryGrainStorage();
            ((SiloBuilder)silo).AddIncomingGrainCallFilter<TimesTenFilter>();
        });

        Assert.Equal(40, await cluster.GrainFactory.GetGrain<IPingGrain>(1).Ping(4));
        Assert.Equal(3, await cluster.GrainFactory.GetGrain<IPingGrain>(1).PingValue(3));
    }

    [Fact]
    public async Task AGrainThatIsAFilterWrapsItsOwnCalls()
    {
        await using var cluster = await OneSilo.StartAsync();

        Assert.Equal(7, await cluster.GrainFactory.GetGrain<IFilteredGrain>(1).Double(3));
    }

    private sealed class TimesTenFilter : IIncomingGrainCallFilter
    {
        public Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.InterfaceType == typeof(IPingGrain) && context.MethodName == nameof(IPingGrain.Ping))
            {
                context.SetArgument(0, (int)context.GetArgument(0)! * 10);
            }

            return context.Invoke();
        }
    }
}
