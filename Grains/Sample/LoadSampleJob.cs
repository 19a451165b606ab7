using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Recsys.Grains.Admin.Jobs;

namespace Recsys.Grains.Sample;

/// <summary>
/// The "load-sample" job: generates and loads a sample (arguments: users, seed); skipped when loaded already. A fresh
/// load runs <see cref="SampleOptions.JobsAfterLoad"/> itself between the graph and the activity, reporting their
/// progress as its own.
/// </summary>
public sealed class LoadSampleJob(SampleLoader loader, IOptions<SampleOptions> options, IServiceProvider services) : IJob
{
    public string Name => "load-sample";

    public string Description => "Generates and loads sample users, follows, posts and engagements (arguments: users, seed).";

    public async Task RunAsync(JobContext context)
    {
        var ran = new List<string>();
        var manifest = await loader.LoadAsync(
            context.Arguments.ContainsKey("users") ? context.IntArgument("users", 0) : null,
            context.Arguments.ContainsKey("seed") ? context.IntArgument("seed", 0) : null,
            (progress, message) => context.ReportAsync(progress, message),
            () => RunFollowUpJobsAsync(context, ran));
        await context.ReportAsync(1, manifest is null
            ? "already loaded; skipped"
            : $"loaded {manifest.Users} users, {manifest.Follows} follows, {manifest.Posts} posts, {manifest.Engagements} engagements"
              + (ran.Count > 0 ? $"; ran {string.Join(", ", ran)}" : ""));
    }

    // Resolved at run time: this job is one of the registered IJob services itself.
    private async Task RunFollowUpJobsAsync(JobContext context, List<string> ran)
    {
        var registered = services.GetServices<IJob>().ToDictionary(j => j.Name, StringComparer.Ordinal);
        foreach (var name in options.Value.JobsAfterLoad)
        {
            if (name == Name || !registered.TryGetValue(name, out var job))
            {
                continue;
            }

            await context.ReportAsync(0.15, name);
            await job.RunAsync(new JobContext(context.JobId, new Dictionary<string, string>(), context.Grains,
                (_, message) => context.ReportAsync(0.15, message is null ? name : $"{name}: {message}")));
            ran.Add(name);
        }
    }
}
