namespace Recsys.Runtime.Membership;

/// <summary>An immutable view of the cluster at one table version; consumers ignore versions older than they have.</summary>
public sealed class MembershipSnapshot
{
    public MembershipSnapshot(long version, IReadOnlyList<MembershipEntry> members)
    {
        Version = version;
        Members = members;
        ActiveSilos = members.Where(m => m.Status == SiloStatus.Active).Select(m => m.Silo).Order().ToArray();
    }

    public static MembershipSnapshot Empty { get; } = new(-1, []);

    public long Version { get; }

    public IReadOnlyList<MembershipEntry> Members { get; }

    /// <summary>Active silos in a stable order (placement and the ring read this).</summary>
    public IReadOnlyList<SiloAddress> ActiveSilos { get; }

    public bool IsActive(SiloAddress silo) => ActiveSilos.Contains(silo);

    public SiloStatus StatusOf(SiloAddress silo) => Members.FirstOrDefault(m => m.Silo.Equals(silo))?.Status ?? SiloStatus.None;
}
