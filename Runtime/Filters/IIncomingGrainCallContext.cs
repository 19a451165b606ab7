namespace Recsys.Runtime.Filters;

/// <summary>One incoming call as a filter sees it: target, method, arguments, and the result once invoked.</summary>
public interface IIncomingGrainCallContext
{
    GrainId TargetId { get; }

    object Grain { get; }

    Type InterfaceType { get; }

    string MethodName { get; }

    int ArgumentCount { get; }

    object? GetArgument(int index);

    void SetArgument(int index, object? value);

    /// <summary>The method's result after <see cref="Invoke"/>; a filter may replace it.</summary>
    object? Result { get; set; }

    /// <summary>Runs the next filter, or the method itself.</summary>
    Task Invoke();
}
