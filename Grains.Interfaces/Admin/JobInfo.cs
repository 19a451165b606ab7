namespace Recsys.Grains.Interfaces.Admin;

/// <summary>One run of a named batch job: where it is, how far (0..1), and what it last said.</summary>
public sealed record JobInfo(
    long Id,
    string Name,
    JobStatus Status,
    double Progress,
    string? Message,
    IReadOnlyDictionary<string, string> Arguments,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);

public enum JobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
