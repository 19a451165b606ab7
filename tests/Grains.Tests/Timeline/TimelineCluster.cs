using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Timeline;
using Recsys.Grains.Sample;
using Recsys.Grains.Tests.SimClusters;
using Recsys.Grains.Tests.Support;
using Recsys.Grains.Timeline;
using Recsys.Grains.Timeline.CandidateSources;
using Recsys.Runtime;
using Recsys.Runtime.Testing;

namespace Recsys.Grains.Tests.Timeline;

/// <summary>
/// One silo with the generated sample (default size, seed 42) on a manual clock: users, follows and posts loaded,
/// the SimClusters job run (InterestedIn from follows), then the engagements ingested, so likes grow the posts'
/// embeddings and the communities' top posts as they would online. Holds an <see cref="InjectedSource"/>.
/// </summary>
public sealed class TimelineCluster : IAsyncLifetime
{
    public static readonly TimeSpan InjectedTimeout = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan RankedListTtl = TimeSpan.FromSeconds(20);

    public ManualTimeProvider Time { get; } = new(DomainSilo.Start);

    public InjectedSource Injected { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public SampleDataSet Data { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        // The injected source times out after 1 s; the real ones get 30 s, so advancing the clock by 1 s times out only it.
        Cluster = await StartAsync(Time, Injected, silo => silo.Configure<ForYouParams>(p =>
        {
            p.SourceTimeout = TimeSpan.FromSeconds(30);
            p.SourceTimeouts["Injected"] = InjectedTimeout;
            p.RankedListTtl = RankedListTtl; // shorter than the published 3 minutes: moving the clock past it fires no checkpoints
            p.CachedScoredTtl = RankedListTtl;
        }));
        Data = SampleGenerator.Generate(new SampleOptions(), DomainSilo.Start);
        await Cluster.Services.GetRequiredService<SampleLoader>().LoadAsync(Data with { Engagements = [] }, (_, _) => Task.CompletedTask);
        await Cluster.RunJobAsync();
        foreach (var batch in Data.Engagements.Chunk(10_000))
        {
            await Grains.GetGrain<IEngagementIngestGrain>(0).Ingest(batch);
        }
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>A domain silo with the timeline, the given clock and an injected source.</summary>
    public static Task<TestCluster> StartAsync(ManualTimeProvider time, ICandidateSource? injected = null, Action<Runtime.Hosting.SiloBuilder>? configure = null) =>
        SimClustersCluster.StartAsync(time, silo =>
        {
            if (injected is not null)
            {
                silo.Services.AddSingleton(injected);
            }

            configure?.Invoke(silo);
        }, new MemoryEngagementLog());

    public Task<ForYouPage> ForYouAsync(long viewer, int count = ForYouRequest.DefaultCount, string? cursor = null, bool explain = false) =>
        Grains.GetGrain<ITimelineGrain>(viewer).GetForYou(new ForYouRequest(count, cursor, explain));

    /// <summary>Users by follow count; "typical" ones sit around the median and have InterestedIn.</summary>
    public long[] TypicalViewers(int count)
    {
        var follows = Data.Follows.GroupBy(f => f.FollowerId).Select(g => (User: g.Key, Count: g.Count())).OrderBy(u => u.Count).ThenBy(u => u.User).ToArray();
        var middle = follows.Length / 2;
        return follows.Skip(middle - count / 2).Take(count).Select(u => u.User).ToArray();
    }
}
