using System.CommandLine;
using Recsys.Grains.Interfaces.Users;
using Spectre.Console;

namespace Recsys.Cli.Commands;

/// <summary>recsys user create ID --handle H [...] | recsys user show ID</summary>
public static class UserCommands
{
    public static Command Build(CliContext cli)
    {
        var user = new Command("user", "Create or show a user");
        user.Subcommands.Add(Create(cli));
        user.Subcommands.Add(Show(cli));
        return user;
    }

    private static Command Create(CliContext cli)
    {
        var id = new Argument<long>("id") { Description = "The user id (positive)" };
        var handle = new Option<string>("--handle") { Description = "1-15 letters, digits or underscores", Required = true };
        var language = new Option<string>("--language") { Description = "ISO 639-1 code", DefaultValueFactory = _ => "en" };
        var country = new Option<string?>("--country") { Description = "ISO 3166-1 alpha-2 code" };
        var verified = new Option<bool>("--verified") { Description = "A verified account" };
        var signup = new Option<string?>("--signup") { Description = "Signup time, ISO-8601 (default now)" };
        var command = new Command("create", "Create or replace a user's profile") { id, handle, language, country, verified, signup };
        ClientAction.Set(command, cli, async (parse, grains, _) =>
        {
            var userId = parse.GetValue(id);
            var profile = new UserProfile(userId, parse.GetValue(handle)!, parse.GetValue(language)!, parse.GetValue(country),
                ClientAction.Time(parse.GetValue(signup), "--signup"), parse.GetValue(verified));
            Print(cli, await grains.GetGrain<IUserGrain>(userId).Upsert(profile));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CliContext cli)
    {
        var id = new Argument<long>("id") { Description = "The user id" };
        var command = new Command("show", "Show a user's public profile") { id };
        ClientAction.Set(command, cli, async (parse, grains, _) =>
        {
            Print(cli, await grains.GetGrain<IUserGrain>(parse.GetValue(id)).GetProfile());
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(CliContext cli, UserView user)
    {
        var table = new Table().AddColumns("id", "handle", "language", "followers", "following", "posts", "state");
        table.AddRow($"{user.Id}", Markup.Escape(user.Handle), user.Language, $"{user.FollowerCount}", $"{user.FollowingCount}", $"{user.PostCount}", $"{user.State}");
        cli.Console.Write(table);
    }
}
