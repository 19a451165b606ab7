namespace Recsys.Runtime.Membership;

/// <summary>A read of the whole table: rows with their ETags, and the table version every change bumps.</summary>
public sealed record MembershipTableData(IReadOnlyList<(MembershipEntry Entry, string ETag)> Entries, TableVersion Version);

/// <summary>The table version: a counter and the ETag of the version row (compare-and-swap on every change).</summary>
public sealed record TableVersion(int Version, string ETag)
{
    public TableVersion Next() => this with { Version = Version + 1 };
}
