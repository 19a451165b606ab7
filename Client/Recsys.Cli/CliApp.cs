using System.CommandLine;
using Recsys.Cli.Commands;
using Spectre.Console;

namespace Recsys.Cli;

/// <summary>
/// The `recsys` command line. Parse errors and refused input end with exit code 2 and one line on standard error;
/// a failure with 1; success with 0. Tests run it in process with their own writers.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter output, TextWriter error)
    {
        var cli = new CliContext(console, output, error);
        var root = new RootCommand("recsys: create users and posts, follow, engage, inspect grains, run jobs and import data sets")
        {
            UserCommands.Build(cli),
            PostCommands.Build(cli),
            SocialCommands.Follow(cli),
            SocialCommands.Unfollow(cli),
            EngageCommand.Build(cli),
            GrainCommand.Build(cli),
            RealGraphCommand.Build(cli),
            JobsCommands.Build(cli),
            ModelsCommands.Build(cli),
            TimelineCommand.Build(cli),
            ImportCommands.Build(cli),
        };
        root.Options.Add(cli.Gateway);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            error.WriteLine("recsys: " + CliErrors.OneLine(parse.Errors[0].Message) + " (see recsys --help)");
            return ExitCodes.BadInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error });
        }
        catch (Exception exception)
        {
            return CliErrors.Report(exception, error);
        }
    }
}
