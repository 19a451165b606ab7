using Recsys.Grains.Ingestion;

namespace Recsys.Grains.Import;

/// <summary>How an <see cref="ImportRunner"/> loads a plan through the grains.</summary>
public sealed class ImportRunnerOptions
{
    /// <summary>The default value for <see cref="Parallelism"/> (ours: enough calls in flight to keep two cores busy through a gateway).</summary>
    public const int DefaultParallelism = 256;

    /// <summary>The default value for <see cref="BatchSize"/>: the largest batch ingestion accepts.</summary>
    public const int DefaultBatchSize = IngestionOptions.DefaultMaxBatchEvents;

    /// <summary>The default value for <see cref="ConcurrentBatches"/> (ours).</summary>
    public const int DefaultConcurrentBatches = 2;

    /// <summary>User and post calls in flight at once.</summary>
    public int Parallelism { get; set; } = DefaultParallelism;

    /// <summary>Events per ingestion call (at most the silo's IngestionOptions.MaxBatchEvents).</summary>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>
    /// Ingestion calls in flight at once. With 1, events are logged in plan order, so two loads of the same plan
    /// produce identical state (the bulk loader and its equality test use 1).
    /// </summary>
    public int ConcurrentBatches { get; set; } = DefaultConcurrentBatches;

    /// <summary>Throws ArgumentOutOfRangeException for a value out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Parallelism);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ConcurrentBatches);
    }
}
