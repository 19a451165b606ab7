using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Recsys.Grains.Interfaces.Admin;

namespace Recsys.Cli.Commands;

/// <summary>recsys grain TYPE KEY [--storage-only]: any grain's stored states and live summary, as indented JSON.</summary>
public static class GrainCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Build(CliContext cli)
    {
        var type = new Argument<string>("type") { Description = "The grain type: user, post, followers, jobs, modelregistry, ..." };
        var key = new Argument<string>("key") { Description = "The grain key" };
        var storageOnly = new Option<bool>("--storage-only") { Description = "Read storage only; do not activate the grain" };
        var command = new Command("grain", "Print a grain's state: what storage holds and, if it has one, its live summary") { type, key, storageOnly };
        ClientAction.Set(command, cli, async (parse, grains, _) =>
        {
            var json = await grains.GetGrain<IAdminGrain>(0).ReadGrain(parse.GetValue(type)!, parse.GetValue(key)!, !parse.GetValue(storageOnly));
            using var document = JsonDocument.Parse(json);
            cli.Output.WriteLine(JsonSerializer.Serialize(document.RootElement, Indented));
            return ExitCodes.Ok;
        });
        return command;
    }
}
