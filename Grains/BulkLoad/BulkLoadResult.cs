using Recsys.Grains.Import;

namespace Recsys.Grains.BulkLoad;

/// <summary>What a bulk load did: the import's counts, the grain states and log rows written, and where the time went.</summary>
public sealed record BulkLoadResult(ImportResult Import, int StatesWritten, int RowsWritten, int Checkpoints, TimeSpan LoadTime, TimeSpan DeactivateTime, TimeSpan WriteTime);
