namespace Recsys.Grains.Import;

/// <summary>An input file (or an option about it) that cannot be imported; the message is one line saying where and why.</summary>
public sealed class ImportFormatException(string message) : Exception(message)
{
    public static ImportFormatException AtLine(string path, long line, string problem) => new($"{Path.GetFileName(path)} line {line}: {problem}");
}
