namespace Recsys.Runtime.Membership;

/// <summary>The silo's current view of the cluster, and a way to hear about changes.</summary>
public interface IClusterMembership
{
    SiloAddress LocalSilo { get; }

    MembershipSnapshot Current { get; }

    /// <summary>Called, in order, with every newer snapshot.</summary>
    void Subscribe(Action<MembershipSnapshot> onChange);

    /// <summary>Re-reads the table now (after a peer says it changed).</summary>
    Task RefreshAsync();
}
