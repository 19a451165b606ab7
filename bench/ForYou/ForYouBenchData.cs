using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Fanout;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Sample;
using Recsys.Runtime.Testing;

namespace Recsys.Bench.ForYou;

/// <summary>
/// Generates the benchmark's world with the sample generator (planted communities, power-law follows, posts and
/// engagements from latent interests) and loads it into a silo: users, follows and posts through the grains' own
/// methods (fan-out skipped, see <see cref="SkipFanoutFilter"/>), each user's InterestedIn set from its planted
/// interests (standing in for a SimClusters run, whose cost is issue 8's benchmark), then every engagement through
/// the durable ingestion path, which grows the posts' embeddings and the communities' top posts online.
/// </summary>
public static class ForYouBenchData
{
    public static SampleDataSet Generate(int users, double follows, double posts, double views, DateTimeOffset now)
    {
        var clock = Stopwatch.StartNew();
        var data = SampleGenerator.Generate(new SampleOptions
        {
            Users = users,
            AverageFollows = follows,
            AveragePostsPerUser = posts,
            AverageViewsPerUser = views,
        }, now);
        Console.WriteLine($"for-you: generated {data.Users.Count:N0} users, {data.Follows.Count:N0} follows, {data.Posts.Count:N0} posts, "
            + $"{data.Engagements.Count:N0} engagements in {clock.Elapsed.TotalSeconds:F1} s");
        return data;
    }

    public static async Task LoadAsync(TestCluster cluster, SampleDataSet data)
    {
        var clock = Stopwatch.StartNew();
        var grains = cluster.GrainFactory;
        await cluster.Services.GetRequiredService<SampleLoader>().LoadAsync(data with { Engagements = [] }, (_, step) =>
        {
            Console.WriteLine($"for-you: loading {step} at {clock.Elapsed.TotalSeconds:F0} s");
            return Task.CompletedTask;
        });

        await BoundedParallel.ForEachAsync(data.Users, 256, u => grains.GetGrain<IUserGrain>(u.Profile.Id).SetSimClusters(new UserSimClusters(
            1, data.Now, null, u.Interests.Select((score, c) => new CommunityScore(c + 1, score)).Where(s => s.Score > 0).OrderByDescending(s => s.Score).ToArray(), [])));
        Console.WriteLine($"for-you: users, follows, posts and InterestedIn loaded at {clock.Elapsed.TotalSeconds:F0} s");

        // Batches of 2,000, two at a time; a batch that times out is sent again (event ids make that idempotent).
        var batches = data.Engagements.Chunk(2_000).ToArray();
        var done = 0;
        await BoundedParallel.ForEachAsync(batches, 2, async batch =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await grains.GetGrain<IEngagementIngestGrain>(0).Ingest(batch);
                    break;
                }
                catch (TimeoutException) when (attempt < 5)
                {
                    Console.WriteLine($"for-you: an engagement batch timed out (attempt {attempt}); sending it again");
                }
            }

            if (Interlocked.Increment(ref done) % 250 == 0)
            {
                Console.WriteLine($"for-you: {done * 2_000L:N0} engagements ingested at {clock.Elapsed.TotalSeconds:F0} s");
            }
        });
        Console.WriteLine($"for-you: {data.Engagements.Count:N0} engagements ingested; loaded in {clock.Elapsed.TotalSeconds:F0} s");
    }
}
