namespace Recsys.Grains.Ingestion.Log;

/// <summary>
/// A log that knows, without reading any row, which sequences a grain's replay would read: every event of the grain
/// above its recorded checkpoint is listed, in sequence order, from the moment it is appended.
/// </summary>
public interface IListsGrainSequences
{
    /// <summary>
    /// The sequences <see cref="IEngagementLog.ReadAsync"/> would look for: the grain's listed ones above
    /// <paramref name="afterSequence"/>, ascending, at most <paramref name="max"/>.
    /// </summary>
    ValueTask<long[]> ListAsync(LogStream stream, long key, long afterSequence, int max, CancellationToken cancellationToken = default);
}
