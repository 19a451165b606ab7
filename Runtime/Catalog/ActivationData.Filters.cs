using Recsys.Runtime.Filters;
using Recsys.Runtime.Invocation;

namespace Recsys.Runtime.Catalog;

internal sealed partial class ActivationData
{
    /// <summary>Runs a call through the incoming filters; only taken when some filter exists.</summary>
    public ValueTask<TResult> InvokeThroughFilters<TResult>(Invokable<TResult> request) =>
        new(RunFiltersAsync(request));

    private async Task<TResult> RunFiltersAsync<TResult>(Invokable<TResult> request)
    {
        var context = new IncomingGrainCallContext(request, GrainInstance, _services.Filters);
        await context.Invoke();
        return context.Result is TResult result ? result : default!;
    }
}
