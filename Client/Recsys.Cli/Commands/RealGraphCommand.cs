using System.CommandLine;
using System.Globalization;
using Recsys.Grains.Interfaces.Users;
using Spectre.Console;

namespace Recsys.Cli.Commands;

/// <summary>recsys realgraph USER [--top N] [--explain TARGET]: a user's strongest RealGraph edges, or why one scores what it does.</summary>
public static class RealGraphCommand
{
    public static Command Build(CliContext cli)
    {
        var user = new Argument<long>("user") { Description = "The user id" };
        var top = new Option<int>("--top") { Description = "How many edges", DefaultValueFactory = _ => 20 };
        var explain = new Option<long?>("--explain") { Description = "Explain the edge toward this user instead" };
        var command = new Command("realgraph", "Show a user's RealGraph edges (score, timeline weight) and the model version") { user, top, explain };
        ClientAction.Set(command, cli, async (parse, grains, _) =>
        {
            var grain = grains.GetGrain<IUserGrain>(parse.GetValue(user));
            if (parse.GetValue(explain) is { } target)
            {
                Print(cli, await grain.ExplainRealGraph(target));
            }
            else
            {
                Print(cli, await grain.GetRealGraph(Math.Max(0, parse.GetValue(top))));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(CliContext cli, RealGraphView view)
    {
        var table = new Table().Title($"RealGraph of {view.UserId} ({Markup.Escape(view.Model)})").AddColumns("user", "score", "timeline weight", "followed");
        foreach (var edge in view.Edges)
        {
            table.AddRow($"{edge.UserId}", F(edge.Score), F(edge.TimelineWeight), edge.Followed ? "yes" : "");
        }

        cli.Console.Write(table);
    }

    private static void Print(CliContext cli, RealGraphExplanation e)
    {
        var table = new Table().Title($"{e.UserId} -> {e.TargetId}: score {F(e.Score)}, timeline weight {F(e.TimelineWeight)} ({Markup.Escape(e.Model)})")
            .AddColumns("feature", "value", "transformed", "weight", "contribution");
        table.AddRow("intercept", "", "", F(e.Intercept), F(e.Intercept));
        foreach (var f in e.Features.Where(f => f.Value != 0 || f.Weight != 0))
        {
            table.AddRow(f.Feature, F(f.Value), F(f.Transformed), F(f.Weight), F(f.Contribution));
        }

        cli.Console.Write(table);
        if (e.Excluded is { } why)
        {
            cli.Output.WriteLine($"not a candidate: {why}");
        }
    }

    private static string F(double value) => value == 0 ? "0" : value.ToString("0.####", CultureInfo.InvariantCulture);
}
