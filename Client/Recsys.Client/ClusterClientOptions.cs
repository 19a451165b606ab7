using Recsys.Runtime.Configuration.Options;

namespace Recsys.Client;

/// <summary>How a client reaches the cluster (Orleans' GatewayOptions and ClientMessagingOptions defaults).</summary>
public sealed class ClusterClientOptions
{
    /// <summary>The default value for <see cref="ConnectRetryCount"/>: 15 tries, as Orleans' client.</summary>
    public const int DefaultConnectRetryCount = 15;

    /// <summary>The default value for <see cref="ConnectRetryDelay"/>: one second, growing linearly.</summary>
    public static readonly TimeSpan DefaultConnectRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>The default value for <see cref="GatewayRetryPeriod"/>: a dead gateway is retried after a minute.</summary>
    public static readonly TimeSpan DefaultGatewayRetryPeriod = TimeSpan.FromMinutes(1);

    /// <summary>The default value for <see cref="GatewayListRefreshPeriod"/>: one minute (Orleans' GatewayListRefreshPeriod).</summary>
    public static readonly TimeSpan DefaultGatewayListRefreshPeriod = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Read the gateway list from the cluster's PostgreSQL membership table instead of (or as well as) <see cref="Gateways"/>,
    /// and refresh it every <see cref="GatewayListRefreshPeriod"/>.
    /// </summary>
    public string? MembershipConnectionString { get; set; }

    /// <summary>How often the gateway list is re-read from the membership table.</summary>
    public TimeSpan GatewayListRefreshPeriod { get; set; } = DefaultGatewayListRefreshPeriod;

    /// <summary>Gateway endpoints, "host:port" (default: the local silo's gateway, 127.0.0.1:30000).</summary>
    public List<string> Gateways { get; set; } = [$"127.0.0.1:{EndpointOptions.DefaultGatewayPort}"];

    /// <summary>Must match the silos' cluster id.</summary>
    public string ClusterId { get; set; } = ClusterOptions.DefaultClusterId;

    /// <summary>The cluster's shared key, if the silos require one (HMAC challenge-response).</summary>
    public string? ClusterKey { get; set; }

    /// <summary>How long a call waits for its response.</summary>
    public TimeSpan ResponseTimeout { get; set; } = MessagingOptions.DefaultResponseTimeout;

    /// <summary>Connection attempts at start-up before giving up.</summary>
    public int ConnectRetryCount { get; set; } = DefaultConnectRetryCount;

    /// <summary>The wait before the first retry; the n-th retry waits n times this.</summary>
    public TimeSpan ConnectRetryDelay { get; set; } = DefaultConnectRetryDelay;

    /// <summary>After a gateway fails, how long before the client tries it again.</summary>
    public TimeSpan GatewayRetryPeriod { get; set; } = DefaultGatewayRetryPeriod;

    /// <summary>Frames larger than this close the connection.</summary>
    public int MaxFrameBytes { get; set; } = EndpointOptions.DefaultMaxFrameBytes;
}
