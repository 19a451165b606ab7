using Recsys.Runtime.Configuration.Options;

namespace Recsys.Silo.Hosting;

/// <summary>How the silo process runs: where its embedded data lives and where it listens.</summary>
public sealed class SiloHostOptions
{
    /// <summary>The default value for <see cref="DataDirectory"/>.</summary>
    public const string DefaultDataDirectory = "./data";

    /// <summary>The default HTTP port (the API and the admin view).</summary>
    public const int DefaultHttpPort = 5080;

    /// <summary>The default value for <see cref="Urls"/>: localhost only.</summary>
    public static readonly string DefaultUrls = $"http://127.0.0.1:{DefaultHttpPort}";

    /// <summary>Folder of the embedded SQLite database (grain state, reminders, engagement log); created if missing.</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary>Where the HTTP API listens (ASP.NET Core's --urls).</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>Whether a generated sample data set is loaded at start (skipped when already loaded); --no-sample turns it off.</summary>
    public bool LoadSample { get; set; } = true;

    /// <summary>Users in the generated sample (--sample-users); null: SampleOptions' default (2,000).</summary>
    public int? SampleUsers { get; set; }

    /// <summary>Cluster mode (--cluster): silos sharing this PostgreSQL database form one cluster and keep all state there.</summary>
    public string? ClusterConnectionString { get; set; }

    /// <summary>The silo-to-silo port (--silo-port); the default is Orleans' 11111.</summary>
    public int SiloPort { get; set; } = EndpointOptions.DefaultSiloPort;

    /// <summary>The client gateway port (--gateway-port); the default is Orleans' 30000.</summary>
    public int GatewayPort { get; set; } = EndpointOptions.DefaultGatewayPort;

    /// <summary>The cluster id (--cluster-id): silos of one deployment share it.</summary>
    public string ClusterId { get; set; } = ClusterOptions.DefaultClusterId;

    /// <summary>The shared cluster key (environment RECSYS_CLUSTER_KEY, or --cluster-key); connections prove they hold it.</summary>
    public string? ClusterKey { get; set; } = Environment.GetEnvironmentVariable("RECSYS_CLUSTER_KEY");

    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), "recsys.db");
}
