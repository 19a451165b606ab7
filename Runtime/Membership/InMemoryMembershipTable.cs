using System.Globalization;

namespace Recsys.Runtime.Membership;

/// <summary>
/// A membership table in process memory, shared by the silos of one process (the test cluster). Same rules as
/// the PostgreSQL table: versioned, compare-and-swap.
/// </summary>
public sealed class InMemoryMembershipTable : IMembershipTable
{
    private readonly object _lock = new();
    private readonly Dictionary<SiloAddress, (MembershipEntry Entry, int ETag)> _rows = new();
    private int _version;

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var rows = _rows.Values.Select(r => (r.Entry, r.ETag.ToString(CultureInfo.InvariantCulture))).ToList();
            return Task.FromResult(new MembershipTableData(rows, new TableVersion(_version, _version.ToString(CultureInfo.InvariantCulture))));
        }
    }

    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (version.Version != _version + 1 || _rows.ContainsKey(entry.Silo))
            {
                return Task.FromResult(false);
            }

            _rows[entry.Silo] = (entry, 1);
            _version++;
            return Task.FromResult(true);
        }
    }

    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (version.Version != _version + 1 || !_rows.TryGetValue(entry.Silo, out var row)
                || row.ETag.ToString(CultureInfo.InvariantCulture) != etag)
            {
                return Task.FromResult(false);
            }

            _rows[entry.Silo] = (entry, row.ETag + 1);
            _version++;
            return Task.FromResult(true);
        }
    }

    public Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset time, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_rows.TryGetValue(silo, out var row))
            {
                _rows[silo] = (row.Entry with { IAmAliveTime = time }, row.ETag);
            }
        }

        return Task.CompletedTask;
    }
}
