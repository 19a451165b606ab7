namespace Recsys.Grains.Training.ServedLog;

/// <summary>
/// The durable log of served items (recsys_served_log in SQLite or PostgreSQL, sql/*/020; memory in tests). Rows
/// are appended in batches by <see cref="ServedLogWriter"/>, read by serving time for training, and pruned after
/// <see cref="ServedLogOptions.Retention"/>.
/// </summary>
public interface IServedLog
{
    Task AppendAsync(IReadOnlyList<ServedItem> items, CancellationToken cancellationToken = default);

    /// <summary>Items served in [from, to) with an id above <paramref name="afterId"/>, in id order, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<ServedLogRow>> ReadAsync(DateTimeOffset from, DateTimeOffset to, long afterId, int max, CancellationToken cancellationToken = default);

    /// <summary>Deletes items served before <paramref name="servedBefore"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset servedBefore, CancellationToken cancellationToken = default);
}
