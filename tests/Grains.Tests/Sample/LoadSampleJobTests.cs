using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Admin.Jobs;
using Recsys.Grains.Interfaces.Admin;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Sample;
using Recsys.Grains.Tests.Support;

namespace Recsys.Grains.Tests.Sample;

[Trait("Category", "Functional")]
[Trait("Area", "Sample")]
public sealed class LoadSampleJobTests
{
    [Fact]
    public async Task A_fresh_load_runs_the_registered_follow_up_jobs_between_follows_and_posts_and_skips_unknown_names()
    {
        var followUp = new RecordingJob();
        await using var cluster = await DomainSilo.StartAsync(configure: silo =>
        {
            silo.Services.AddSingleton<IJob>(followUp);
            silo.Configure<SampleOptions>(o => o.JobsAfterLoad = ["not-registered", followUp.Name]);
        });
        var jobs = cluster.GrainFactory.GetGrain<IJobsGrain>(0);

        var run = await jobs.Start("load-sample", new Dictionary<string, string> { ["users"] = "60" });
        var seen = await followUp.Ran.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(run.Id, seen.JobId);
        Assert.True(seen.FollowEdgesOfBusiestAuthor > 0, "follows are in when the follow-up runs");
        Assert.Equal(0, seen.PostsOfBusiestAuthor);
        Assert.DoesNotContain(await jobs.List(), r => r.Name == "not-registered");
    }

    private sealed record Seen(long JobId, int FollowEdgesOfBusiestAuthor, int PostsOfBusiestAuthor);

    /// <summary>Records, when it runs, what the sample's busiest author already has.</summary>
    private sealed class RecordingJob : IJob
    {
        public TaskCompletionSource<Seen> Ran { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "after-sample";

        public string Description => "records what is loaded when it runs";

        public async Task RunAsync(JobContext context)
        {
            var data = SampleGenerator.Generate(new SampleOptions { Users = 60 }, DomainSilo.Start);
            var busiest = data.Posts.GroupBy(p => p.Post.AuthorId).MaxBy(g => g.Count())!.Key;
            var profile = await context.Grains.GetGrain<IUserGrain>(busiest).GetProfile();
            Ran.TrySetResult(new Seen(context.JobId, profile.FollowingCount + (int)profile.FollowerCount, profile.PostCount));
        }
    }
}
