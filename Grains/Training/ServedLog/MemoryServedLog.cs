namespace Recsys.Grains.Training.ServedLog;

/// <summary>The served-item log in memory (tests, and silos configured without a database).</summary>
public sealed class MemoryServedLog : IServedLog
{
    private readonly List<ServedLogRow> _rows = [];
    private readonly Lock _lock = new();
    private long _lastId;

    public Task AppendAsync(IReadOnlyList<ServedItem> items, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            foreach (var item in items)
            {
                _rows.Add(new ServedLogRow(++_lastId, item));
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ServedLogRow>> ReadAsync(DateTimeOffset from, DateTimeOffset to, long afterId, int max, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            IReadOnlyList<ServedLogRow> rows = _rows.Where(r => r.Id > afterId && r.Item.ServedAt >= from && r.Item.ServedAt < to).Take(max).ToArray();
            return Task.FromResult(rows);
        }
    }

    public Task<int> PruneAsync(DateTimeOffset servedBefore, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.RemoveAll(r => r.Item.ServedAt < servedBefore));
        }
    }
}
