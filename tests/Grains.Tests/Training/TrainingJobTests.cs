using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Interfaces.Admin;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Models;
using Recsys.Grains.Sample;
using Recsys.Grains.Tests.SimClusters;
using Recsys.Grains.Tests.Support;
using Recsys.Grains.Tests.Timeline;
using Recsys.Grains.Training;
using Recsys.Runtime.Testing;
using Xunit.Abstractions;

namespace Recsys.Grains.Tests.Training;

/// <summary>
/// The training job end to end on one silo with the generated sample: pages are served (and logged by the side
/// effect), viewers like what matches their planted interests, the clock passes the label window, and the job
/// trains, evaluates and stores a version with its metrics in the registry.
/// </summary>
[Trait("Category", "Functional")]
[Trait("Area", "Training")]
public sealed class TrainingJobTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan LabelWindow = TimeSpan.FromHours(1);

    private readonly ManualTimeProvider _time = new(DomainSilo.Start);
    private TestCluster _cluster = null!;
    private SampleDataSet _data = null!;

    public async Task InitializeAsync()
    {
        _cluster = await TimelineCluster.StartAsync(_time, configure: silo => silo.Configure<TrainingOptions>(o => o.LabelWindow = LabelWindow));
        _data = SampleGenerator.Generate(new SampleOptions(), DomainSilo.Start);
        await _cluster.Services.GetRequiredService<SampleLoader>().LoadAsync(_data with { Engagements = [] }, (_, _) => Task.CompletedTask);
        await _cluster.RunJobAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Served_pages_and_the_engagements_they_drew_train_a_version_the_registry_keeps_with_its_metrics()
    {
        var grains = _cluster.GrainFactory;
        var users = _data.Users.ToDictionary(u => u.Profile.Id);
        var topics = _data.Posts.ToDictionary(p => p.Post.Id, p => p.Topic);
        var events = new List<EngagementEvent>();
        foreach (var viewer in _data.Users.Take(400).Select(u => u.Profile.Id))
        {
            _time.Advance(TimeSpan.FromSeconds(1)); // pages at distinct times, so the time split has an earlier and a later part
            var page = await grains.GetGrain<Interfaces.Timeline.ITimelineGrain>(viewer).GetForYou(new Interfaces.Timeline.ForYouRequest(20, null, false));
            events.AddRange(page.Items.Where(i => users[viewer].Interests[topics[i.PostId]] >= 0.4).Select(i =>
                new EngagementEvent($"t-{viewer}-{i.PostId}", viewer, EngagementAction.Like, i.PostId, null, _time.GetUtcNow().AddSeconds(30))));
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        foreach (var batch in events.Chunk(5_000))
        {
            await grains.GetGrain<IEngagementIngestGrain>(0).Ingest(batch);
        }

        _time.Advance(LabelWindow);
        var run = await grains.GetGrain<IJobsGrain>(0).Start(TrainingJob.JobName, new Dictionary<string, string>());
        var done = await _cluster.WhenJobFinished(run.Id);

        output.WriteLine($"{events.Count} likes; job: {done.Status} {done.Message}");
        Assert.Equal(JobStatus.Succeeded, done.Status);
        var trained = Assert.Single(await grains.GetGrain<IModelRegistryGrain>(0).List(), v => v.Version.StartsWith("trained-", StringComparison.Ordinal));
        var evaluation = trained.Evaluation!;
        Assert.Equal(["candidate", "default"], evaluation.Versions.Select(v => v.Role));
        var fav = evaluation.Versions[0].Heads[0];
        Assert.Null(fav.Note);
        Assert.Equal(evaluation.TestExamples, fav.Examples);
        var defaultFav = evaluation.Versions[1].Heads[0];
        Assert.True(fav.Auc > defaultFav.Auc, $"trained fav AUC {fav.Auc} vs default-v0 {defaultFav.Auc}");
        Assert.Contains("no label source", evaluation.Versions[0].Heads[5].Note);
        Assert.Equal(evaluation.Promoted, trained.Active);
        Assert.Contains(trained.Version, done.Message);
    }
}
