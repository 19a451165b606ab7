using System.CommandLine;
using System.Net;
using Recsys.Client;
using Spectre.Console;

namespace Recsys.Cli;

/// <summary>
/// What every command shares: where to write (a Spectre console for tables and progress bars, plain writers for
/// JSON and errors) and the --gateway option, with the connection it leads to.
/// </summary>
public sealed class CliContext(IAnsiConsole console, TextWriter output, TextWriter error)
{
    /// <summary>The default gateway: the local silo's (EndpointOptions.DefaultGatewayPort).</summary>
    public static readonly string DefaultGateway = new ClusterClientOptions().Gateways[0];

    /// <summary>Connection tries before giving up: a command line should fail fast, not for 15 tries like a service.</summary>
    public const int ConnectTries = 3;

    public IAnsiConsole Console { get; } = console;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public Option<string> Gateway { get; } = new("--gateway", "-g")
    {
        Description = $"The gateway to connect to, host:port (default {DefaultGateway}, the local silo)",
        DefaultValueFactory = _ => DefaultGateway,
        Recursive = true,
    };

    public async Task<ClusterClient> ConnectAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var gateway = parse.GetValue(Gateway) ?? DefaultGateway;
        var colon = gateway.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(gateway[(colon + 1)..], out var port) || port is < 1 or > 65535
            || (gateway[..colon] != "localhost" && !IPAddress.TryParse(gateway[..colon].Trim('[', ']'), out _) && Uri.CheckHostName(gateway[..colon]) == UriHostNameType.Unknown))
        {
            throw new CliInputException($"--gateway '{gateway}' is not host:port, e.g. {DefaultGateway}");
        }

        return await ClusterClient.ConnectAsync(new ClusterClientOptions
        {
            Gateways = [gateway],
            ConnectRetryCount = ConnectTries,
            ConnectRetryDelay = TimeSpan.FromMilliseconds(200),
        }, cancellationToken: cancellationToken);
    }
}
