using Recsys.Grains.Ingestion.Log;
using Recsys.Runtime.Hosting;

namespace Recsys.Grains.BulkLoad;

/// <summary>
/// The database a bulk load writes into (SQLite file or PostgreSQL): it lends the private silo its real storage
/// provider and event log for reads, and at the end writes every changed grain state, the new log rows and the
/// checkpoints in one transaction. A row changed by someone else since it was read fails the whole write
/// (<see cref="BulkLoadConflictException"/>), so a silo running on the same rows can make a bulk load fail, never
/// corrupt it.
/// </summary>
public abstract class BulkTarget
{
    /// <summary>The storage provider name the private silo reads the target's states through.</summary>
    public const string TargetStorageName = "BulkTarget";

    /// <summary>A short description for messages ("SQLite ./data/recsys.db").</summary>
    public abstract string Description { get; }

    /// <summary>Registers the target's grain storage under <see cref="TargetStorageName"/>.</summary>
    public abstract void AddTargetStorage(SiloBuilder silo);

    /// <summary>The target's event log (its schema is applied on first use).</summary>
    public abstract IEngagementLog CreateLog(string serviceId);

    /// <summary>The highest sequence in the target's log (0 when empty).</summary>
    public abstract Task<long> MaxSequenceAsync(CancellationToken cancellationToken);

    /// <summary>The ids among <paramref name="ids"/> already in the target's log for the service.</summary>
    public abstract Task<HashSet<string>> ExistingEventIdsAsync(string serviceId, IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary>Writes everything in one transaction, or nothing.</summary>
    public abstract Task ExportAsync(BulkExport export, CancellationToken cancellationToken);
}

/// <summary>What a bulk load writes back: states, log rows with their sequences, checkpoints, for one service.</summary>
public sealed record BulkExport(
    string ServiceId,
    long BaseSequence,
    IReadOnlyList<CapturedState> States,
    IReadOnlyList<LoggedRow> Rows,
    IReadOnlyDictionary<(LogStream Stream, long Key), long> Checkpoints,
    DateTimeOffset Now);

/// <summary>The target changed under the bulk loader (a silo or another loader wrote the same rows): nothing was written.</summary>
public sealed class BulkLoadConflictException(string message) : Exception(message);
