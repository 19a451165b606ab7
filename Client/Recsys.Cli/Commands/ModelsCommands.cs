using System.CommandLine;
using Recsys.Grains.Interfaces.Models;
using Spectre.Console;

namespace Recsys.Cli.Commands;

/// <summary>recsys models list | upload FILE [--activate] | activate NAME VERSION | metrics NAME VERSION: the model registry.</summary>
public static class ModelsCommands
{
    public static Command Build(CliContext cli)
    {
        var models = new Command("models", "Model versions: list them, upload a file, choose the active one");
        models.Subcommands.Add(List(cli));
        models.Subcommands.Add(Upload(cli));
        models.Subcommands.Add(Metrics(cli));
        models.Subcommands.Add(Activate(cli));
        return models;
    }

    private static Command List(CliContext cli)
    {
        var command = new Command("list", "Every known version of every model, and which is active");
        ClientAction.Set(command, cli, async (_, grains, _) =>
        {
            var table = new Table().AddColumns("model", "version", "source", "active", "coefficients", "description");
            foreach (var v in await grains.GetGrain<IModelRegistryGrain>(0).List())
            {
                table.AddRow(v.Name, v.Version, $"{v.Source}".ToLowerInvariant(), v.Active ? "yes" : "", $"{v.Coefficients}", Markup.Escape(v.Description.Length <= 60 ? v.Description : v.Description[..57] + "..."));
            }

            cli.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Upload(CliContext cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "A model file (JSON, models/README.md describes the format)" };
        var activate = new Option<bool>("--activate") { Description = "Make it the active version too" };
        var command = new Command("upload", "Store a new model version in the registry") { file, activate };
        ClientAction.Set(command, cli, async (parse, grains, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var json = path.Exists ? await File.ReadAllTextAsync(path.FullName, cancellationToken) : throw new CliInputException($"{path}: no such file");
            var registry = grains.GetGrain<IModelRegistryGrain>(0);
            var stored = await registry.Upload(json);
            if (parse.GetValue(activate))
            {
                await registry.Activate(stored.Name, stored.Version);
            }

            cli.Output.WriteLine($"uploaded {stored.Name}/{stored.Version}{(parse.GetValue(activate) ? " (active)" : "")}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Activate(CliContext cli)
    {
        var name = new Argument<string>("name") { Description = "The model name, e.g. realgraph" };
        var version = new Argument<string>("version") { Description = "A known version, e.g. default-v0" };
        var command = new Command("activate", "Make a version active (silos pick it up on their next poll)") { name, version };
        ClientAction.Set(command, cli, async (parse, grains, _) =>
        {
            var active = await grains.GetGrain<IModelRegistryGrain>(0).Activate(parse.GetValue(name)!, parse.GetValue(version)!);
            cli.Output.WriteLine($"active (revision {active.Revision}): {string.Join(", ", active.Versions.Select(v => $"{v.Key}/{v.Value}"))}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A trained version's held-out evaluation (issue 10): per head, AUC and log loss of every compared version.</summary>
    private static Command Metrics(CliContext cli)
    {
        var name = new Argument<string>("name") { Description = "The model name, e.g. heavy-ranker" };
        var version = new Argument<string>("version") { Description = "A trained version, e.g. trained-20260302-120000" };
        var command = new Command("metrics", "Held-out AUC and log loss per head of a trained version, beside the versions it was compared with") { name, version };
        ClientAction.Set(command, cli, async (parse, grains, _) =>
        {
            var (n, v) = (parse.GetValue(name)!, parse.GetValue(version)!);
            var info = (await grains.GetGrain<IModelRegistryGrain>(0).List()).FirstOrDefault(m => m.Name == n && m.Version == v)
                ?? throw new CliInputException($"version: unknown model {n}/{v}");
            var evaluation = info.Evaluation ?? throw new CliInputException($"version: {n}/{v} has no evaluation (only trained versions have one)");
            var table = new Table().AddColumn("head").AddColumn("positives / items");
            foreach (var compared in evaluation.Versions)
            {
                table.AddColumn($"AUC {compared.Role}").AddColumn($"log loss {compared.Role}");
            }

            for (var h = 0; h < evaluation.Versions[0].Heads.Count; h++)
            {
                var head = evaluation.Versions[0].Heads[h];
                var cells = new List<string> { head.Head, $"{head.Positives:N0} / {head.Examples:N0}" };
                cells.AddRange(evaluation.Versions.SelectMany(c => new[] { Format(c.Heads[h].Auc), Format(c.Heads[h].LogLoss) }));
                table.AddRow(cells.Select(Markup.Escape).ToArray());
            }

            cli.Console.Write(table);
            cli.Output.WriteLine($"{(evaluation.Promoted ? "promoted" : "not promoted")}: {evaluation.Decision}");
            cli.Output.WriteLine($"trained on {evaluation.TrainExamples:N0} items, tested on {evaluation.TestExamples:N0} served from {evaluation.SplitAt:O}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Format(double? value) => value?.ToString("F4", System.Globalization.CultureInfo.InvariantCulture) ?? "-";
}
