using System.Net;
using Microsoft.Extensions.Options;

namespace Recsys.Runtime.Configuration.Options;

/// <summary>Where a silo listens. The default ports are defined here once (Orleans' 11111 and 30000; our HTTP 5080).</summary>
public sealed class EndpointOptions
{
    /// <summary>The default silo-to-silo port (Orleans' EndpointOptions.DEFAULT_SILO_PORT).</summary>
    public const int DefaultSiloPort = 11111;

    /// <summary>The default client gateway port (Orleans' EndpointOptions.DEFAULT_GATEWAY_PORT).</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>The default HTTP port of the API and admin view.</summary>
    public const int DefaultHttpPort = 5080;

    /// <summary>The default value for <see cref="MaxFrameBytes"/>: 16 MB.</summary>
    public const int DefaultMaxFrameBytes = 16 * 1024 * 1024;

    /// <summary>The address other silos and clients reach this silo on.</summary>
    public IPAddress AdvertisedAddress { get; set; } = IPAddress.Loopback;

    public int SiloPort { get; set; } = DefaultSiloPort;

    /// <summary>The client gateway port; 0 means this silo is not a gateway.</summary>
    public int GatewayPort { get; set; } = DefaultGatewayPort;

    /// <summary>A frame larger than this closes the connection that sent it (and only that one).</summary>
    public int MaxFrameBytes { get; set; } = DefaultMaxFrameBytes;
}

/// <summary>Checks <see cref="EndpointOptions"/>.</summary>
internal sealed class EndpointOptionsValidator : IValidateOptions<EndpointOptions>
{
    public ValidateOptionsResult Validate(string? name, EndpointOptions options)
    {
        if (options.SiloPort is <= 0 or > 65535)
        {
            return ValidateOptionsResult.Fail($"EndpointOptions.SiloPort {options.SiloPort} is not a TCP port.");
        }

        if (options.GatewayPort is < 0 or > 65535)
        {
            return ValidateOptionsResult.Fail($"EndpointOptions.GatewayPort {options.GatewayPort} is not a TCP port.");
        }

        return options.MaxFrameBytes < 1024
            ? ValidateOptionsResult.Fail("EndpointOptions.MaxFrameBytes must be at least 1024.")
            : ValidateOptionsResult.Success;
    }
}
