using Recsys.Runtime;

namespace Recsys.Grains.Interfaces.Engagements;

/// <summary>
/// The entry point for engagements (a stateless worker; use key 0). A batch is validated, its accepted events are
/// appended to the event log in one transaction, and only then acknowledged; the grains they touch apply them.
/// </summary>
public interface IEngagementIngestGrain : IGrainWithIntegerKey
{
    Task<IngestResult> Ingest(IReadOnlyList<EngagementEvent> events);
}
