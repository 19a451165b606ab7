using Spectre.Console;

namespace Recsys.Cli.Tests.Support;

/// <summary>Runs the command line in process with captured output: the exit code, standard output (tables and text) and standard error.</summary>
public static class CliRun
{
    public static async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        var exit = await CliApp.RunAsync(args, console, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
