using System.Text.Json;

namespace Recsys.Silo.Api;

/// <summary>400 answers as RFC 9457 problem details whose "errors" map is keyed by the field at fault.</summary>
public static class ApiProblems
{
    public static IResult Field(string field, string problem) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [problem] }, title: "The request is invalid.");

    public static IResult Fields(IEnumerable<(string Field, string Problem)> problems) =>
        Results.ValidationProblem(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Problem).ToArray()),
            title: "The request is invalid.");

    /// <summary>A JSON error, naming the field from its JSON path ("$.events[3].time" becomes "events[3].time").</summary>
    public static IResult MalformedJson(JsonException exception)
    {
        var path = exception.Path is { Length: > 1 } p ? p.TrimStart('$').TrimStart('.') : "body";
        var problem = exception.InnerException is null && exception.Message.StartsWith("must ", StringComparison.Ordinal)
            ? exception.Message
            : "malformed JSON" + (exception.LineNumber is { } line ? $" (line {line + 1}, position {exception.BytePositionInLine + 1})" : "");
        return Field(path.Length == 0 ? "body" : path, problem);
    }
}
