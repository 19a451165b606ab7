namespace Recsys.Runtime.Membership;

/// <summary>One row of the membership table (Orleans' OrleansMembershipTable columns).</summary>
public sealed record MembershipEntry(
    SiloAddress Silo,
    SiloStatus Status,
    string SiloName,
    string HostName,
    int? GatewayPort,
    DateTimeOffset StartTime,
    DateTimeOffset IAmAliveTime)
{
    /// <summary>Suspicion votes: who suspects this silo, and when (Cluster II's failure detector writes these).</summary>
    public IReadOnlyList<SuspectVote> SuspectTimes { get; init; } = [];
}

/// <summary>A vote that <see cref="Voter"/> suspected the silo at <see cref="Time"/>.</summary>
public sealed record SuspectVote(SiloAddress Voter, DateTimeOffset Time);
