namespace Recsys.Runtime.Membership;

/// <summary>
/// The membership table contract (Orleans' IMembershipTable): every insert or update is a compare-and-swap that
/// also bumps the table version; IAmAlive updates do not. A failed swap returns false and changes nothing.
/// </summary>
public interface IMembershipTable
{
    Task InitializeAsync(CancellationToken cancellationToken = default);

    Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts the row if absent and the table version still matches <paramref name="version"/>'s predecessor.</summary>
    Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version, CancellationToken cancellationToken = default);

    /// <summary>Updates the row if its ETag and the table version still match.</summary>
    Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version, CancellationToken cancellationToken = default);

    Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset time, CancellationToken cancellationToken = default);
}
