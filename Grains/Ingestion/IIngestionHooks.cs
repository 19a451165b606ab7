using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Grains.Ingestion;

/// <summary>
/// A seam between appending a batch to the log and delivering it to grains: tests inject a fault here to show that
/// a crash at that point loses nothing and counts nothing twice. Production uses <see cref="NoIngestionHooks"/>.
/// </summary>
public interface IIngestionHooks
{
    Task AfterAppendAsync(IReadOnlyList<LoggedEngagement> appended);
}

public sealed class NoIngestionHooks : IIngestionHooks
{
    public Task AfterAppendAsync(IReadOnlyList<LoggedEngagement> appended) => Task.CompletedTask;
}
