using Microsoft.Extensions.Options;
using Recsys.Runtime.Configuration.Options;
using Recsys.Runtime.Storage;

namespace Recsys.Runtime.Reminders;

/// <summary>
/// Reminders held in process memory, for development and tests; the same rules as the database tables
/// (ServiceId scoping, integer versions as ETags, millisecond times). Lost when the process exits.
/// </summary>
internal sealed class MemoryReminderTable : IReminderTable
{
    private readonly Store _store;
    private readonly string _serviceId;

    public MemoryReminderTable(IOptions<ClusterOptions> clusterOptions)
        : this(clusterOptions, new Store())
    {
    }

    /// <summary>Lets several tables (e.g. silos of an in-process test cluster) share one set of rows.</summary>
    internal MemoryReminderTable(IOptions<ClusterOptions> clusterOptions, Store store)
    {
        _serviceId = clusterOptions.Value.ServiceId;
        _store = store;
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(uint begin, uint end, CancellationToken cancellationToken = default) =>
        Task.FromResult(Select(row => ReminderRows.InRange(row.Entry.GrainId.GetUniformHashCode(), begin, end)));

    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        var text = ReminderRows.GrainIdText(grainId);
        return Task.FromResult(Select(row => row.Key.GrainId == text));
    }

    public Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        var key = new RowKey(_serviceId, ReminderRows.GrainIdText(grainId), reminderName);
        lock (_store.Sync)
        {
            return Task.FromResult(_store.Rows.TryGetValue(key, out var row) ? WithETag(row) : null);
        }
    }

    public Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        var normalized = ReminderRows.Normalize(entry);
        var key = new RowKey(_serviceId, normalized.GrainId.ToString(), normalized.ReminderName);
        lock (_store.Sync)
        {
            var version = _store.Rows.TryGetValue(key, out var existing) ? existing.Version + 1 : 1;
            _store.Rows[key] = new Row(key, normalized, version);
            return Task.FromResult(StorageETag.Format(version));
        }
    }

    public Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken = default)
    {
        var key = new RowKey(_serviceId, ReminderRows.GrainIdText(grainId), reminderName);
        lock (_store.Sync)
        {
            var matches = _store.Rows.TryGetValue(key, out var row)
                && StorageETag.TryParse(eTag, out var version)
                && row.Version == version;
            return Task.FromResult(matches && _store.Rows.Remove(key));
        }
    }

    private IReadOnlyList<ReminderEntry> Select(Func<Row, bool> predicate)
    {
        lock (_store.Sync)
        {
            return _store.Rows.Values
                .Where(row => row.Key.ServiceId == _serviceId && predicate(row))
                .Select(WithETag)
                .ToList();
        }
    }

    private static ReminderEntry WithETag(Row row) => row.Entry with { ETag = StorageETag.Format(row.Version) };

    /// <summary>The rows of one or more tables; all access goes through <see cref="Sync"/>.</summary>
    internal sealed class Store
    {
        public object Sync { get; } = new();

        public Dictionary<RowKey, Row> Rows { get; } = new();
    }

    internal readonly record struct RowKey(string ServiceId, string GrainId, string ReminderName);

    internal sealed record Row(RowKey Key, ReminderEntry Entry, int Version);
}
