using Recsys.Runtime.Filters;

namespace Recsys.Runtime.Tests.Grains;

/// <summary>Filters its own calls: adds one to the result.</summary>
public sealed class FilteredGrain : Grain, IFilteredGrain, IIncomingGrainCallFilter
{
    public Task<int> Double(int value) => Task.FromResult(value * 2);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        context.Result = (int)context.Result! + 1;
    }
}
