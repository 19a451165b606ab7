using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Recsys.Client;
using Recsys.Grains.Interfaces.Timeline;
using Spectre.Console;

namespace Recsys.Cli.Commands;

/// <summary>
/// recsys timeline USER [--count N] [--cursor C] [--explain] [--json]: a page of the user's For You timeline as a
/// table (rank, post, author, score, source, in-network, social proof), with --explain one line per item (model
/// score, each heuristic factor, the strongest heads) and the request's stats, then the command for the next page.
/// </summary>
public static class TimelineCommand
{
    public static Command Build(CliContext cli)
    {
        var user = new Argument<long>("user") { Description = "The viewer's user id" };
        var count = new Option<int>("--count", "-n") { Description = "Items on the page (default 35)", DefaultValueFactory = _ => ForYouRequest.DefaultCount };
        var cursor = new Option<string?>("--cursor") { Description = "The cursor a previous page printed, for the next page" };
        var explain = new Option<bool>("--explain") { Description = "Show why each item is there: model score, factors, heads" };
        var json = new Option<bool>("--json") { Description = "Print the page as JSON instead of a table" };
        var command = new Command("timeline", "Show a page of a user's For You timeline") { user, count, cursor, explain, json };
        ClientAction.Set(command, cli, async (parse, grains, _) =>
        {
            var viewer = parse.GetValue(user);
            var page = await grains.GetForYouAsync(viewer, parse.GetValue(count), parse.GetValue(cursor), parse.GetValue(explain));
            if (parse.GetValue(json))
            {
                cli.Output.WriteLine(JsonSerializer.Serialize(page, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
            }
            else
            {
                Print(cli, viewer, page);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(CliContext cli, long viewer, ForYouPage page)
    {
        var table = new Table().Title($"For You of {viewer}: {page.Items.Count} items, {page.Items.Count(i => i.InNetwork)} in-network")
            .AddColumns("#", "post", "author", "score", "source", "in-network", "social proof");
        for (var i = 0; i < page.Items.Count; i++)
        {
            var item = page.Items[i];
            table.AddRow($"{i + 1}", $"{item.PostId}", $"{item.AuthorId}", F(item.Score), Markup.Escape(item.Source), item.InNetwork ? "yes" : "",
                string.Join(" ", item.SocialProof.Take(3)) + (item.SocialProof.Count > 3 ? $" +{item.SocialProof.Count - 3}" : ""));
        }

        cli.Console.Write(table);
        for (var i = 0; i < page.Items.Count; i++)
        {
            if (page.Items[i].Explain is { } e)
            {
                var factors = string.Concat(e.Factors.Select(f => $" x {f.Name} {F(f.Factor)}"));
                var heads = string.Join(", ", e.Heads.OrderByDescending(h => h.Value).Take(3).Select(h => $"{h.Key} {F(h.Value)}"));
                cli.Output.WriteLine($"#{i + 1}: model {F(e.WeightedScore)}{factors} = {F(e.FinalScore)}; top heads {heads}; light {F(e.LightScore)}");
            }
        }

        if (page.Stats is { } stats)
        {
            cli.Output.WriteLine("sources: " + string.Join(", ", stats.Sources.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}"))
                + (stats.FailedSources.Count > 0 ? "; failed: " + string.Join("; ", stats.FailedSources) : ""));
            cli.Output.WriteLine("removed: " + string.Join(", ", stats.Removed.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}")));
            cli.Output.WriteLine($"hydrated {stats.Hydrated}, ranked {stats.Ranked}, {stats.GrainCalls} grain calls{(stats.FromCache ? ", from the kept ranked list" : "")}");
        }

        cli.Output.WriteLine(page.Cursor is { } next ? $"next page: recsys timeline {viewer} --cursor {next}" : "no more pages");
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
