namespace Recsys.Runtime.Configuration.Options;

/// <summary>Names the cluster and the service; storage rows are scoped by <see cref="ServiceId"/>.</summary>
public sealed class ClusterOptions
{
    /// <summary>The default value for <see cref="ServiceId"/>.</summary>
    public const string DefaultServiceId = "recsys";

    /// <summary>The default value for <see cref="ClusterId"/>.</summary>
    public const string DefaultClusterId = "dev";

    /// <summary>The logical application; stable across deployments, it scopes grain state and reminders.</summary>
    public string ServiceId { get; set; } = DefaultServiceId;

    /// <summary>One deployment of the service; silos with the same id form one cluster.</summary>
    public string ClusterId { get; set; } = DefaultClusterId;

    /// <summary>
    /// The shared secret silos and clients prove they hold (HMAC challenge-response) before any call flows. Set it
    /// in every cluster that is not a laptop; without it only the cluster id is checked. It never crosses the wire.
    /// </summary>
    public string? ClusterKey { get; set; }
}
