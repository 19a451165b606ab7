using System.CommandLine;
using Recsys.Grains.Interfaces.Admin;
using Spectre.Console;

namespace Recsys.Cli.Commands;

/// <summary>recsys jobs list | recsys jobs run NAME [--arg key=value]... [--no-wait]: any registered job, with a progress bar.</summary>
public static class JobsCommands
{
    /// <summary>How often a running job's progress is read.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static Command Build(CliContext cli)
    {
        var jobs = new Command("jobs", "List the silo's jobs and their recent runs, or run one");
        jobs.Subcommands.Add(List(cli));
        jobs.Subcommands.Add(Run(cli));
        return jobs;
    }

    private static Command List(CliContext cli)
    {
        var command = new Command("list", "The job names and the recent runs");
        ClientAction.Set(command, cli, async (_, grains, _) =>
        {
            var registry = grains.GetGrain<IJobsGrain>(0);
            cli.Output.WriteLine("jobs: " + string.Join(", ", await registry.GetJobNames()));
            var table = new Table().AddColumns("id", "name", "status", "progress", "started", "message");
            foreach (var run in await registry.List())
            {
                table.AddRow($"{run.Id}", run.Name, $"{run.Status}", $"{run.Progress:P0}", run.StartedAt?.ToString("u") ?? "", Markup.Escape(run.Message ?? ""));
            }

            cli.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Run(CliContext cli)
    {
        var name = new Argument<string>("name") { Description = "The job name (recsys jobs list shows them)" };
        var arguments = new Option<string[]>("--arg") { Description = "A job argument, key=value (repeatable)", AllowMultipleArgumentsPerToken = false };
        var noWait = new Option<bool>("--no-wait") { Description = "Start the job and return" };
        var command = new Command("run", "Start a job and follow its progress until it ends") { name, arguments, noWait };
        ClientAction.Set(command, cli, async (parse, grains, cancellationToken) =>
        {
            var registry = grains.GetGrain<IJobsGrain>(0);
            var run = await registry.Start(parse.GetValue(name)!, ParseArguments(parse.GetValue(arguments) ?? []));
            if (parse.GetValue(noWait))
            {
                cli.Output.WriteLine($"started {run.Name} #{run.Id}");
                return ExitCodes.Ok;
            }

            run = await FollowAsync(cli, registry, run, cancellationToken);
            cli.Output.WriteLine($"{run.Name} #{run.Id} {run.Status.ToString().ToLowerInvariant()}: {run.Message}");
            return run.Status == JobStatus.Succeeded ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }

    private static async Task<JobInfo> FollowAsync(CliContext cli, IJobsGrain registry, JobInfo run, CancellationToken cancellationToken) =>
        await cli.Console.Progress().AutoClear(false).StartAsync(async context =>
        {
            var task = context.AddTask(Markup.Escape($"{run.Name} #{run.Id}"), maxValue: 1.0);
            while (run.Status is JobStatus.Queued or JobStatus.Running)
            {
                await Task.Delay(PollInterval, cancellationToken);
                run = await registry.Get(run.Id);
                task.Value = run.Progress;
                task.Description = Markup.Escape($"{run.Name} #{run.Id} {run.Message}");
            }

            task.Value = run.Status == JobStatus.Succeeded ? 1.0 : task.Value;
            task.StopTask();
            return run;
        });

    private static Dictionary<string, string> ParseArguments(IEnumerable<string> pairs)
    {
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                throw new CliInputException($"--arg '{pair}' is not key=value");
            }

            parsed[pair[..equals]] = pair[(equals + 1)..];
        }

        return parsed;
    }
}
