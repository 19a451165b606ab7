using Microsoft.Extensions.Options;

namespace Recsys.Runtime.Configuration.Options;

/// <summary>Membership (Orleans' ClusterMembershipOptions defaults, v10).</summary>
public sealed class ClusterMembershipOptions
{
    /// <summary>The default value for <see cref="TableRefreshTimeout"/>: 60 s.</summary>
    public static readonly TimeSpan DefaultTableRefreshTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The default value for <see cref="IAmAlivePeriod"/>: 30 s (IAmAliveTablePublishTimeout).</summary>
    public static readonly TimeSpan DefaultIAmAlivePeriod = TimeSpan.FromSeconds(30);

    /// <summary>Every silo re-reads the table this often even without gossip.</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = DefaultTableRefreshTimeout;

    /// <summary>How often a silo writes its IAmAlive time (diagnostics; not the failure detector).</summary>
    public TimeSpan IAmAlivePeriod { get; set; } = DefaultIAmAlivePeriod;
}

/// <summary>Checks <see cref="ClusterMembershipOptions"/>.</summary>
internal sealed class ClusterMembershipOptionsValidator : IValidateOptions<ClusterMembershipOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterMembershipOptions options) =>
        options.TableRefreshTimeout <= TimeSpan.Zero || options.IAmAlivePeriod <= TimeSpan.Zero
            ? ValidateOptionsResult.Fail("ClusterMembershipOptions periods must be positive.")
            : ValidateOptionsResult.Success;
}
