using Recsys.Grains.Import;
using Spectre.Console;

namespace Recsys.Cli.Commands;

/// <summary>One Spectre progress bar per import stage (users, posts, follows, engagements, and the bulk loader's writing).</summary>
public sealed class ImportProgressBars(ProgressContext context) : IProgress<ImportProgress>
{
    private readonly Dictionary<string, ProgressTask> _tasks = [];

    public void Report(ImportProgress value)
    {
        lock (_tasks)
        {
            if (!_tasks.TryGetValue(value.Stage, out var task))
            {
                foreach (var earlier in _tasks.Values.Where(t => !t.IsFinished))
                {
                    earlier.Value = earlier.MaxValue;
                    earlier.StopTask();
                }

                task = context.AddTask(value.Stage, maxValue: Math.Max(1, value.Total));
                _tasks[value.Stage] = task;
            }

            task.Value = Math.Min(value.Done, task.MaxValue);
            if (value.Done >= value.Total)
            {
                task.Value = task.MaxValue;
                task.StopTask();
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> under progress bars on <paramref name="console"/>.</summary>
    public static Task<T> RunAsync<T>(IAnsiConsole console, Func<IProgress<ImportProgress>, Task<T>> work) =>
        console.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(context => work(new ImportProgressBars(context)));
}
