using Recsys.Runtime;

namespace Recsys.Grains.Ingestion;

/// <summary>
/// A grain that applies logged engagements, as the silo's <see cref="CheckpointScheduler"/> sees it. Call it by the
/// grain's full id (Post and User grains both implement it).
/// </summary>
public interface ICheckpointingGrain : IGrainWithIntegerKey
{
    /// <summary>Checkpoints if anything was applied since the last checkpoint; a failure is logged and retried later.</summary>
    Task CheckpointDue();
}
