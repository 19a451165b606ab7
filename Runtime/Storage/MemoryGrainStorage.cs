using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Runtime.Configuration.Options;

namespace Recsys.Runtime.Storage;

/// <summary>
/// Grain storage held in process memory, with the same rules as the database providers: JSON text, integer
/// versions as ETags, compare-and-swap on every write and clear, and a clear that keeps the version advancing.
/// Rows are keyed exactly like the OrleansStorage table, ServiceId included.
/// </summary>
internal sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly Store _store;
    private readonly string _serviceId;
    private readonly ILogger _logger;

    public MemoryGrainStorage(IOptions<ClusterOptions> clusterOptions, ILogger<MemoryGrainStorage> logger)
        : this(clusterOptions, logger, new Store())
    {
    }

    /// <summary>Lets several providers (e.g. silos of an in-process test cluster) share one set of rows.</summary>
    internal MemoryGrainStorage(IOptions<ClusterOptions> clusterOptions, ILogger<MemoryGrainStorage> logger, Store store)
    {
        _serviceId = clusterOptions.Value.ServiceId;
        _logger = logger;
        _store = store;
    }

    public Task<GrainStateRecord?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken = default)
    {
        var key = RowKeyOf(grainId, stateName);
        lock (_store.Sync)
        {
            return Task.FromResult(_store.Rows.TryGetValue(key, out var row)
                ? new GrainStateRecord(row.Json, StorageETag.Format(row.Version), row.ModifiedOn)
                : null);
        }
    }

    public Task<string> WriteAsync(GrainId grainId, string stateName, string json, string? expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Task.FromResult(Swap("WriteState", grainId, stateName, json, expectedETag));
    }

    public Task<string> ClearAsync(GrainId grainId, string stateName, string? expectedETag, CancellationToken cancellationToken = default) =>
        Task.FromResult(Swap("ClearState", grainId, stateName, null, expectedETag));

    private string Swap(string operation, GrainId grainId, string stateName, string? json, string? expectedETag)
    {
        var key = RowKeyOf(grainId, stateName);
        lock (_store.Sync)
        {
            var exists = _store.Rows.TryGetValue(key, out var row);
            int newVersion;
            if (expectedETag is null)
            {
                newVersion = 1;
                if (exists)
                {
                    throw Conflict(operation, grainId, stateName, row!.Version, expectedETag);
                }
            }
            else if (exists && StorageETag.TryParse(expectedETag, out var expected) && row!.Version == expected)
            {
                newVersion = expected + 1;
            }
            else
            {
                throw Conflict(operation, grainId, stateName, exists ? row!.Version : null, expectedETag);
            }

            _store.Rows[key] = new Row(json, newVersion, DateTimeOffset.UtcNow);
            return StorageETag.Format(newVersion);
        }
    }

    private InconsistentStateException Conflict(string operation, GrainId grainId, string stateName, int? stored, string? expected)
    {
        _logger.LogDebug("Version conflict ({Operation}) on {GrainId} state {StateName}: expected {Expected}, stored {Stored}", operation, grainId, stateName, expected, stored);
        return StorageETag.Conflict(operation, grainId, stateName, stored, expected);
    }

    private RowKey RowKeyOf(GrainId grainId, string stateName)
    {
        var key = GrainStorageKey.Create(grainId, stateName);
        return new RowKey(_serviceId, key.TypeString, key.N0, key.N1, key.ExtensionOrEmpty);
    }

    /// <summary>The rows of one or more providers; all access goes through <see cref="Sync"/>.</summary>
    internal sealed class Store
    {
        public object Sync { get; } = new();

        public Dictionary<RowKey, Row> Rows { get; } = new();
    }

    internal readonly record struct RowKey(string ServiceId, string TypeString, long N0, long N1, string Extension);

    internal sealed record Row(string? Json, int Version, DateTimeOffset ModifiedOn);
}
