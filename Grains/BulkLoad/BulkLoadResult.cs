using Recsys.Grains.Import;

namespace Recsys.Grains.BulkLoad;

/// <summary>What a bulk load of an import plan did: the import's counts, and what was written in how many transactions.</summary>
public sealed record BulkLoadResult(ImportResult Import, BulkLoadTotals Totals)
{
    public int StatesWritten => Totals.States;

    public long RowsWritten => Totals.Rows;

    public int Checkpoints => Totals.Checkpoints;

    public TimeSpan LoadTime => Totals.LoadTime;

    public TimeSpan DeactivateTime => Totals.DeactivateTime;

    public TimeSpan WriteTime => Totals.WriteTime;
}

/// <summary>
/// What a bulk load wrote, summed over its transactions: grain states (a grain written by two chunks counts twice),
/// log rows, checkpoints; and where the time went: running the grain calls, deactivating the private silos, writing.
/// </summary>
public sealed record BulkLoadTotals(int States, long Rows, int Checkpoints, int Transactions, TimeSpan LoadTime, TimeSpan DeactivateTime, TimeSpan WriteTime)
{
    internal BulkLoadTotals Add(BulkChunkCommit commit) => new(States + commit.States, Rows + commit.Rows, Checkpoints + commit.Checkpoints, Transactions + 1,
        LoadTime + commit.LoadTime, DeactivateTime + commit.DeactivateTime, WriteTime + commit.WriteTime);
}
