using System.Globalization;
using Recsys.Grains.Interfaces.Errors;
using Recsys.Runtime;

namespace Recsys.Grains.Admin.Jobs;

/// <summary>What a running job gets: its id, its arguments, the grain factory, and a way to report progress.</summary>
public sealed class JobContext(long jobId, IReadOnlyDictionary<string, string> arguments, IGrainFactory grains, Func<double, string?, Task> report)
{
    public long JobId { get; } = jobId;

    public IReadOnlyDictionary<string, string> Arguments { get; } = arguments;

    public IGrainFactory Grains { get; } = grains;

    /// <summary>Progress in 0..1 and a short message; visible at GET /api/admin/jobs/{id}.</summary>
    public Task ReportAsync(double progress, string? message = null) => report(Math.Clamp(progress, 0, 1), message);

    /// <summary>An integer argument, or <paramref name="fallback"/> when absent; a malformed one fails the job.</summary>
    public int IntArgument(string name, int fallback) =>
        !Arguments.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : throw new ValidationException($"arguments.{name}", $"must be an integer (got '{text}')");
}
