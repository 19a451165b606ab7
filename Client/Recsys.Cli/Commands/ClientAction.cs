using System.CommandLine;
using System.Globalization;
using Recsys.Runtime;

namespace Recsys.Cli.Commands;

/// <summary>Sets a command's action to one that connects to the gateway, runs, and disconnects.</summary>
public static class ClientAction
{
    public static void Set(Command command, CliContext cli, Func<ParseResult, IGrainFactory, CancellationToken, Task<int>> run) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var client = await cli.ConnectAsync(parse, cancellationToken);
            return await run(parse, client.GrainFactory, cancellationToken);
        });

    /// <summary>An ISO-8601 time (no offset: UTC), or now when absent.</summary>
    public static DateTimeOffset Time(string? text, string option) =>
        text is null ? DateTimeOffset.UtcNow
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time
        : throw new CliInputException($"{option} '{text}' is not an ISO-8601 time such as 2026-03-02T12:00:00Z");
}
