using Recsys.Runtime.Invocation;

namespace Recsys.Runtime.Filters;

/// <summary>The filter chain for one call: each Invoke advances to the next filter, the last runs the method.</summary>
internal sealed class IncomingGrainCallContext : IIncomingGrainCallContext
{
    private readonly Invokable _request;
    private readonly IIncomingGrainCallFilter[] _filters;
    private readonly IIncomingGrainCallFilter? _grainFilter;
    private int _next;

    public IncomingGrainCallContext(Invokable request, object grain, IIncomingGrainCallFilter[] filters)
    {
        _request = request;
        Grain = grain;
        _filters = filters;
        _grainFilter = grain as IIncomingGrainCallFilter;
    }

    public GrainId TargetId => _request.Target;

    public object Grain { get; }

    public Type InterfaceType => _request.Method.InterfaceType;

    public string MethodName => _request.Method.Name;

    public int ArgumentCount => _request.ArgumentCount;

    public object? Result { get; set; }

    public object? GetArgument(int index) => _request.GetArgument(index);

    public void SetArgument(int index, object? value) => _request.SetArgument(index, value);

    public async Task Invoke()
    {
        var index = _next++;
        if (index < _filters.Length)
        {
            await _filters[index].Invoke(this);
        }
        else if (index == _filters.Length && _grainFilter is not null)
        {
            await _grainFilter.Invoke(this);
        }
        else
        {
            Result = await _request.InvokeBoxedAsync(Grain);
        }
    }
}
