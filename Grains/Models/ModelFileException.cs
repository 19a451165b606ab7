namespace Recsys.Grains.Models;

/// <summary>A model file that does not parse or breaks a rule of the format; the message names the file and what is wrong.</summary>
public sealed class ModelFileException(string origin, string problem) : Exception($"{origin}: {problem}")
{
    /// <summary>Where the file came from (a path, a resource name, "upload").</summary>
    public string Origin { get; } = origin;

    public string Problem { get; } = problem;
}
