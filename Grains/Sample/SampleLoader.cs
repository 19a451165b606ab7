using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recsys.Grains.Fanout;
using Recsys.Grains.Ingestion;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.Posts;
using Recsys.Grains.Interfaces.Sample;
using Recsys.Grains.Interfaces.Users;
using Recsys.Runtime;

namespace Recsys.Grains.Sample;

/// <summary>
/// Loads a generated sample through the grains' own methods (users, follows, posts with their fan-out) and the
/// engagement ingestion path, then records it, so loading the same sample again (same seed and size) is skipped.
/// </summary>
public sealed partial class SampleLoader(
    IGrainFactory grains,
    TimeProvider time,
    IOptions<SampleOptions> options,
    IOptions<IngestionOptions> ingestion,
    ILogger<SampleLoader> logger)
{
    private const int MaxParallelCalls = 256;

    /// <summary>
    /// Generates and loads the configured sample, with the given size and seed if set; null when already loaded.
    /// <paramref name="afterGraph"/> runs once users and follows are in, before posts and engagements.
    /// </summary>
    public async Task<SampleManifest?> LoadAsync(
        int? users = null, int? seed = null, Func<double, string, Task>? progress = null, Func<Task>? afterGraph = null)
    {
        var shape = Copy(options.Value, users, seed);
        if (await grains.GetGrain<ISampleDataGrain>(0).GetLoaded(shape.Seed, shape.Users) is { } loaded)
        {
            Log.Skipped(logger, shape.Seed, shape.Users, loaded.LoadedAt);
            return null;
        }

        var started = time.GetTimestamp();
        var data = SampleGenerator.Generate(shape, time.GetUtcNow());
        await LoadAsync(data, progress ?? ((_, _) => Task.CompletedTask), afterGraph);
        var manifest = new SampleManifest(data.Seed, data.Users.Count, data.Follows.Count, data.Posts.Count, data.Engagements.Count, time.GetUtcNow());
        await grains.GetGrain<ISampleDataGrain>(0).RecordLoaded(manifest);
        Log.Loaded(logger, manifest.Users, manifest.Follows, manifest.Posts, manifest.Engagements, time.GetElapsedTime(started).TotalSeconds);
        return manifest;
    }

    /// <summary>Loads a data set (users, follows, then <paramref name="afterGraph"/>, posts, engagements, in that order).</summary>
    public async Task LoadAsync(SampleDataSet data, Func<double, string, Task> progress, Func<Task>? afterGraph = null)
    {
        await progress(0.0, $"users ({data.Users.Count})");
        await BoundedParallel.ForEachAsync(data.Users, MaxParallelCalls, u => grains.GetGrain<IUserGrain>(u.Profile.Id).Upsert(u.Profile));

        await progress(0.1, $"follows ({data.Follows.Count})");
        var followers = data.Follows.GroupBy(f => f.FolloweeId).ToArray();
        await BoundedParallel.ForEachAsync(followers, MaxParallelCalls, g => grains.GetGrain<IFollowersGrain>(g.Key).AddMany(g.Select(f => f.FollowerId).ToArray()));
        var follows = data.Follows.GroupBy(f => f.FollowerId).ToArray();
        await BoundedParallel.ForEachAsync(follows, MaxParallelCalls, g => grains.GetGrain<IUserGrain>(g.Key).ImportFollows(g.Select(f => f.FolloweeId).ToArray()));

        if (afterGraph is not null)
        {
            await afterGraph();
        }

        await progress(0.2, $"posts ({data.Posts.Count})");
        foreach (var wave in ByReplyDepth(data.Posts))
        {
            await BoundedParallel.ForEachAsync(wave, MaxParallelCalls, p => grains.GetGrain<IPostGrain>(p.Post.Id).Create(p.Post));
        }

        var batch = ingestion.Value.MaxBatchEvents;
        for (var start = 0; start < data.Engagements.Count; start += batch)
        {
            await progress(0.4 + 0.6 * start / data.Engagements.Count, $"engagements ({start}/{data.Engagements.Count})");
            var chunk = data.Engagements.Skip(start).Take(batch).ToArray();
            var result = await grains.GetGrain<IEngagementIngestGrain>(0).Ingest(chunk);
            if (result.Rejected.Count > 0)
            {
                throw new InvalidOperationException($"The sample's engagement {start + result.Rejected[0].Index} was rejected: {result.Rejected[0].Field} {result.Rejected[0].Error}");
            }
        }
    }

    // Replies wait for their parents: depth 0 has no parent, depth d replies to depth d-1.
    private static IEnumerable<SamplePost[]> ByReplyDepth(IReadOnlyList<SamplePost> posts)
    {
        var depth = new Dictionary<long, int>();
        foreach (var post in posts)
        {
            depth[post.Post.Id] = post.Post.ReplyToId is { } parent ? depth[parent] + 1 : 0;
        }

        return posts.GroupBy(p => depth[p.Post.Id]).OrderBy(g => g.Key).Select(g => g.ToArray());
    }

    private static SampleOptions Copy(SampleOptions o, int? users, int? seed) => new()
    {
        Users = users ?? o.Users,
        Seed = seed ?? o.Seed,
        Communities = o.Communities,
        AverageFollows = o.AverageFollows,
        FollowInsideCommunity = o.FollowInsideCommunity,
        PopularityExponent = o.PopularityExponent,
        AveragePostsPerUser = o.AveragePostsPerUser,
        AverageViewsPerUser = o.AverageViewsPerUser,
        History = o.History,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = (int)Logging.DomainEventCode.SampleLoaded, Level = LogLevel.Information,
            Message = "Sample data loaded: {Users} users, {Follows} follows, {Posts} posts, {Engagements} engagements in {Seconds:0.0} s")]
        public static partial void Loaded(ILogger logger, int users, int follows, int posts, int engagements, double seconds);

        [LoggerMessage(EventId = (int)Logging.DomainEventCode.SampleSkipped, Level = LogLevel.Information,
            Message = "Sample data (seed {Seed}, {Users} users) was loaded at {LoadedAt}; not loading it again")]
        public static partial void Skipped(ILogger logger, int seed, int users, DateTimeOffset loadedAt);
    }
}
