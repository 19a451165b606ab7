namespace Recsys.Grains.Interfaces.Errors;

/// <summary>
/// A request field holds a value the domain refuses (too long, in the future, over a limit). Grains throw it before
/// changing anything, so nothing of a rejected request is applied.
/// </summary>
public sealed class ValidationException : Exception
{
    public ValidationException(string field, string problem)
        : base($"{field}: {problem}")
    {
        Field = field;
        Problem = problem;
    }

    /// <summary>The request field at fault, in the API's camelCase (e.g. "text", "events[3].time").</summary>
    public string Field { get; }

    /// <summary>What is wrong with it, without the field name.</summary>
    public string Problem { get; }
}
