namespace Recsys.Grains.Training.ServedLog;

/// <summary>
/// The served-item log in memory (tests, and silos configured without a database). Rows are kept as plain values in
/// two growing arrays, one of fixed-size rows and one of every row's features, not as an item, a row and a feature
/// array per served item: a busy silo logs tens of thousands of items a second, and millions of small objects that
/// live for days made every collection longer and set off full background collections of the whole heap (issue 10).
/// The rows hold no references (the few distinct texts, sources and model versions, are numbered), so the collector
/// never scans them.
/// </summary>
public sealed class MemoryServedLog : IServedLog
{
    private readonly Lock _lock = new();
    private readonly List<string> _texts = [];
    private readonly Dictionary<string, int> _textIds = new(StringComparer.Ordinal);
    private Row[] _rows = [];
    private double[] _features = [];
    private int _count;
    private int _featureCount;
    private long _lastId;

    public Task AppendAsync(IReadOnlyList<ServedItem> items, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var features = 0;
            foreach (var item in items)
            {
                features += item.Features.Count;
            }

            Reserve(ref _rows, _count + items.Count);
            Reserve(ref _features, _featureCount + features);
            foreach (var item in items)
            {
                _rows[_count++] = new Row(++_lastId, item.ViewerId, item.PostId, item.AuthorId, item.ServedAt.UtcTicks, (short)item.ServedAt.TotalOffsetMinutes,
                    item.Position, Text(item.Source), item.InNetwork, Text(item.HeavyRankerVersion), Text(item.LightRankerVersion), _featureCount,
                    item.Features.Count);
                for (var i = 0; i < item.Features.Count; i++)
                {
                    _features[_featureCount++] = item.Features[i];
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ServedLogRow>> ReadAsync(DateTimeOffset from, DateTimeOffset to, long afterId, int max, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var rows = new List<ServedLogRow>();
            for (var i = 0; i < _count && rows.Count < max; i++)
            {
                var row = _rows[i];
                var servedAt = row.ServedAt;
                if (row.Id > afterId && servedAt >= from && servedAt < to)
                {
                    rows.Add(new ServedLogRow(row.Id, Item(row)));
                }
            }

            return Task.FromResult<IReadOnlyList<ServedLogRow>>(rows);
        }
    }

    public Task<int> PruneAsync(DateTimeOffset servedBefore, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            // Kept rows move down in order, their features with them.
            var (kept, keptFeatures) = (0, 0);
            for (var i = 0; i < _count; i++)
            {
                var row = _rows[i];
                if (row.ServedAt < servedBefore)
                {
                    continue;
                }

                Array.Copy(_features, row.FeatureOffset, _features, keptFeatures, row.FeatureCount);
                _rows[kept++] = row with { FeatureOffset = keptFeatures };
                keptFeatures += row.FeatureCount;
            }

            var deleted = _count - kept;
            (_count, _featureCount) = (kept, keptFeatures);
            return Task.FromResult(deleted);
        }
    }

    private ServedItem Item(Row row) => new(row.ViewerId, row.PostId, row.AuthorId, row.ServedAt, row.Position, _texts[row.Source], row.InNetwork,
        _texts[row.HeavyRankerVersion], _texts[row.LightRankerVersion], _features.AsSpan(row.FeatureOffset, row.FeatureCount).ToArray());

    private int Text(string text)
    {
        if (!_textIds.TryGetValue(text, out var id))
        {
            id = _texts.Count;
            _texts.Add(text);
            _textIds.Add(text, id);
        }

        return id;
    }

    private static void Reserve<T>(ref T[] array, int needed)
    {
        if (needed > array.Length)
        {
            Array.Resize(ref array, Math.Max(needed, Math.Max(1_024, array.Length * 2)));
        }
    }

    // One logged item, its texts numbered and its features at [FeatureOffset, FeatureOffset + FeatureCount) of _features.
    private readonly record struct Row(long Id, long ViewerId, long PostId, long AuthorId, long ServedAtUtcTicks, short OffsetMinutes, int Position, int Source,
        bool InNetwork, int HeavyRankerVersion, int LightRankerVersion, int FeatureOffset, int FeatureCount)
    {
        public DateTimeOffset ServedAt => new DateTimeOffset(ServedAtUtcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(OffsetMinutes));
    }
}
