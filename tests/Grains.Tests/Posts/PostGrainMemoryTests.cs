using Recsys.Grains.Fanout;
using Recsys.Grains.Ingestion.Log;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Tests.Support;
using Xunit.Abstractions;

namespace Recsys.Grains.Tests.Posts;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurements
{
    /// <summary>Tests that measure the process's memory run alone, after the parallel ones.</summary>
    public const string Name = "Memory measurements";
}

/// <summary>
/// At most 4 KB per idle post grain (issue 5): 100,000 posts, each with three engagement actions, activated from
/// storage (replaying their events from the log, then checkpointing), measured as the growth of the managed heap
/// after full collections. Storage rows and log rows exist before the first measurement.
/// </summary>
[Collection(MemoryMeasurements.Name)]
[Trait("Category", "Functional")]
[Trait("Area", "Posts")]
public sealed class PostGrainMemoryTests(ITestOutputHelper output)
{
    private const int Posts = 100_000;
    private const int Authors = 10_000;
    private const long MaxBytesPerPost = 4 * 1024;

    [Fact]
    public async Task An_idle_post_grain_with_engagements_takes_at_most_4_KB()
    {
        var log = new MemoryEngagementLog();
        await using var cluster = await DomainSilo.StartAsync(log: log);
        var entities = new Entities(cluster.GrainFactory, DomainSilo.Start);
        var authors = await entities.UsersAsync(Authors);
        var fan = await entities.UserAsync();
        var ids = Enumerable.Range(1, Posts).Select(i => DomainSilo.UniqueId()).ToArray();
        await BoundedParallel.ForEachAsync(ids, 1_000, id => cluster.GrainFactory.GetGrain<IPostGrain>(id).Create(
            new PostRecord(id, authors[id % Authors], "a post of about the length posts have, with a #hashtag and a few more words", DomainSilo.Start.AddHours(-1), "en", Hashtags: ["hashtag"])));
        var at = DomainSilo.Start.AddMinutes(-30);
        var events = ids.SelectMany(id => new[] { EngagementAction.Impression, EngagementAction.Like, EngagementAction.Reply }
            .Select(action => new PendingEngagement(Entities.Event(fan, action, id, at), authors[id % Authors]))).ToArray();
        await log.AppendAsync(events, DomainSilo.Start);
        await cluster.RestartSiloAsync();

        var before = GC.GetTotalMemory(forceFullCollection: true);
        await BoundedParallel.ForEachAsync(ids, 1_000, id => cluster.GrainFactory.GetGrain<IPostGrain>(id).Checkpoint());
        var after = GC.GetTotalMemory(forceFullCollection: true);

        var perPost = (after - before) / Posts;
        output.WriteLine($"{Posts} idle post grains: {(after - before) / 1024 / 1024} MB, {perPost} bytes each; {cluster.Silo.ActivationCount} activations");
        var sample = await cluster.GrainFactory.GetGrain<IPostGrain>(ids[0]).GetView();
        Assert.Equal(1, sample.Engagements.Total(EngagementAction.Reply));
        Assert.True(cluster.Silo.ActivationCount >= Posts);
        Assert.InRange(perPost, 1, MaxBytesPerPost);
        GC.KeepAlive(cluster);
    }
}
