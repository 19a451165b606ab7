using System.CommandLine;
using Recsys.Grains.Interfaces.Engagements;

namespace Recsys.Cli.Commands;

/// <summary>recsys engage USER ACTION [--post P] [--target U] [--time T] [--value V] [--id ID]: one engagement through ingestion.</summary>
public static class EngageCommand
{
    public static Command Build(CliContext cli)
    {
        var user = new Argument<long>("user") { Description = "The acting user's id" };
        var action = new Argument<string>("action") { Description = "like, repost, reply, click, follow, ... (snake_case)" };
        action.Validators.Add(result =>
        {
            if (!EngagementActionNames.TryParse(result.GetValueOrDefault<string>(), out _))
            {
                result.AddError($"unknown action '{result.GetValueOrDefault<string>()}'; known: {string.Join(", ", EngagementActionNames.All)}");
            }
        });
        var post = new Option<long?>("--post") { Description = "The post engaged with" };
        var target = new Option<long?>("--target") { Description = "The user engaged with (follow, mute, block, mention, ...)" };
        var time = new Option<string?>("--time") { Description = "When, ISO-8601 (default now)" };
        var value = new Option<double?>("--value") { Description = "Dwell milliseconds or watched fraction" };
        var id = new Option<string?>("--id") { Description = "The event id (default a new GUID; repeating one is counted once)" };
        var command = new Command("engage", "Send one engagement through the ingestion path") { user, action, post, target, time, value, id };
        ClientAction.Set(command, cli, async (parse, grains, _) =>
        {
            EngagementActionNames.TryParse(parse.GetValue(action), out var parsed);

            var e = new EngagementEvent(parse.GetValue(id) ?? Guid.NewGuid().ToString("N"), parse.GetValue(user), parsed,
                parse.GetValue(post), parse.GetValue(target), ClientAction.Time(parse.GetValue(time), "--time"), parse.GetValue(value));
            var result = await grains.GetGrain<IEngagementIngestGrain>(0).Ingest([e]);
            if (result.Rejected.Count > 0)
            {
                var rejected = result.Rejected[0];
                throw new CliInputException($"{rejected.Field.Replace("events[0].", "")}: {rejected.Error}");
            }

            cli.Output.WriteLine(result.Accepted == 1 ? $"accepted {e.Id}" : $"duplicate {e.Id} (already counted)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
