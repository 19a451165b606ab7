using Microsoft.Extensions.Options;

namespace Recsys.Runtime.Configuration.Options;

/// <summary>Membership (Orleans' ClusterMembershipOptions defaults, v10).</summary>
public sealed class ClusterMembershipOptions
{
    /// <summary>The default value for <see cref="TableRefreshTimeout"/>: 60 s.</summary>
    public static readonly TimeSpan DefaultTableRefreshTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The default value for <see cref="IAmAlivePeriod"/>: 30 s (IAmAliveTablePublishTimeout).</summary>
    public static readonly TimeSpan DefaultIAmAlivePeriod = TimeSpan.FromSeconds(30);

    /// <summary>The default value for <see cref="ProbeTimeout"/>: 5 s.</summary>
    public static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The default value for <see cref="NumMissedProbesLimit"/>.</summary>
    public const int DefaultNumMissedProbesLimit = 3;

    /// <summary>The default value for <see cref="NumProbedSilos"/> (v9 and later).</summary>
    public const int DefaultNumProbedSilos = 10;

    /// <summary>The default value for <see cref="NumVotesForDeathDeclaration"/>.</summary>
    public const int DefaultNumVotesForDeathDeclaration = 2;

    /// <summary>The default value for <see cref="DeathVoteExpirationTimeout"/>: 2 min.</summary>
    public static readonly TimeSpan DefaultDeathVoteExpirationTimeout = TimeSpan.FromMinutes(2);

    /// <summary>How often each silo probes its peers, and how long a probe may take.</summary>
    public TimeSpan ProbeTimeout { get; set; } = DefaultProbeTimeout;

    /// <summary>Consecutive missed probes after which a silo votes its peer suspect.</summary>
    public int NumMissedProbesLimit { get; set; } = DefaultNumMissedProbesLimit;

    /// <summary>How many peers each silo probes.</summary>
    public int NumProbedSilos { get; set; } = DefaultNumProbedSilos;

    /// <summary>Fresh votes needed to declare a silo dead: min(this, ceil(active silos / 2)).</summary>
    public int NumVotesForDeathDeclaration { get; set; } = DefaultNumVotesForDeathDeclaration;

    /// <summary>A suspicion vote older than this no longer counts.</summary>
    public TimeSpan DeathVoteExpirationTimeout { get; set; } = DefaultDeathVoteExpirationTimeout;

    /// <summary>Every silo re-reads the table this often even without gossip.</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = DefaultTableRefreshTimeout;

    /// <summary>How often a silo writes its IAmAlive time (diagnostics; not the failure detector).</summary>
    public TimeSpan IAmAlivePeriod { get; set; } = DefaultIAmAlivePeriod;
}

/// <summary>Checks <see cref="ClusterMembershipOptions"/>.</summary>
internal sealed class ClusterMembershipOptionsValidator : IValidateOptions<ClusterMembershipOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterMembershipOptions options) =>
        options.TableRefreshTimeout <= TimeSpan.Zero || options.IAmAlivePeriod <= TimeSpan.Zero || options.ProbeTimeout <= TimeSpan.Zero
        || options.DeathVoteExpirationTimeout <= TimeSpan.Zero || options.NumMissedProbesLimit < 1 || options.NumProbedSilos < 1 || options.NumVotesForDeathDeclaration < 1
            ? ValidateOptionsResult.Fail("ClusterMembershipOptions periods must be positive and counts at least 1.")
            : ValidateOptionsResult.Success;
}
