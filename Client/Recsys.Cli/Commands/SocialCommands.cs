using System.CommandLine;
using Recsys.Grains.Interfaces.Users;

namespace Recsys.Cli.Commands;

/// <summary>recsys follow USER TARGET | recsys unfollow USER TARGET</summary>
public static class SocialCommands
{
    public static Command Follow(CliContext cli) => Build(cli, "follow", "Make USER follow TARGET", (user, target) => user.Follow(target));

    public static Command Unfollow(CliContext cli) => Build(cli, "unfollow", "Make USER stop following TARGET", (user, target) => user.Unfollow(target));

    private static Command Build(CliContext cli, string name, string description, Func<IUserGrain, long, Task<bool>> change)
    {
        var user = new Argument<long>("user") { Description = "The user id" };
        var target = new Argument<long>("target") { Description = "The other user's id" };
        var command = new Command(name, description) { user, target };
        ClientAction.Set(command, cli, async (parse, grains, _) =>
        {
            var changed = await change(grains.GetGrain<IUserGrain>(parse.GetValue(user)), parse.GetValue(target));
            cli.Output.WriteLine(changed ? $"{name}: done" : $"{name}: nothing to change");
            return ExitCodes.Ok;
        });
        return command;
    }
}
