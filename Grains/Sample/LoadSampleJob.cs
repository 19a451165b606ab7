using Recsys.Grains.Admin.Jobs;

namespace Recsys.Grains.Sample;

/// <summary>The "load-sample" job: generates and loads a sample (arguments: users, seed); skipped when loaded already.</summary>
public sealed class LoadSampleJob(SampleLoader loader) : IJob
{
    public string Name => "load-sample";

    public string Description => "Generates and loads sample users, follows, posts and engagements (arguments: users, seed).";

    public async Task RunAsync(JobContext context)
    {
        var manifest = await loader.LoadAsync(
            context.Arguments.ContainsKey("users") ? context.IntArgument("users", 0) : null,
            context.Arguments.ContainsKey("seed") ? context.IntArgument("seed", 0) : null,
            (progress, message) => context.ReportAsync(progress, message));
        await context.ReportAsync(1, manifest is null
            ? "already loaded; skipped"
            : $"loaded {manifest.Users} users, {manifest.Follows} follows, {manifest.Posts} posts, {manifest.Engagements} engagements");
    }
}
