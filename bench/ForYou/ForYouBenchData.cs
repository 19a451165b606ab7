using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.BulkLoad;
using Recsys.Grains.Fanout;
using Recsys.Grains.Import;
using Recsys.Grains.Interfaces.Engagements;
using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Sample;
using Recsys.Runtime;
using Recsys.Runtime.Testing;

namespace Recsys.Bench.ForYou;

/// <summary>
/// Generates the benchmark's world with the sample generator (planted communities, power-law follows, posts and
/// engagements from latent interests) and loads it, into a silo or bulk-loaded into a SQLite file (the same calls,
/// <see cref="ForYouBulkSteps"/>): users, follows and posts through the grains' own methods (fan-out skipped, see
/// <see cref="SkipFanoutFilter"/>), each user's InterestedIn set from its planted interests (standing in for a
/// SimClusters run, whose cost is issue 8's benchmark), then every engagement through the durable ingestion path,
/// which grows the posts' embeddings and the communities' top posts online.
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

        await BoundedParallel.ForEachAsync(data.Users, 256, u => grains.GetGrain<IUserGrain>(u.Profile.Id).SetSimClusters(InterestedIn(u, data.Now)));
        Console.WriteLine($"for-you: users, follows, posts and InterestedIn loaded at {clock.Elapsed.TotalSeconds:F0} s");

        // Batches of 2,000, two at a time.
        var batches = data.Engagements.Chunk(2_000).ToArray();
        var done = 0;
        await BoundedParallel.ForEachAsync(batches, 2, async batch =>
        {
            await IngestAsync(grains, batch);
            if (Interlocked.Increment(ref done) % 250 == 0)
            {
                Console.WriteLine($"for-you: {done * 2_000L:N0} engagements ingested at {clock.Elapsed.TotalSeconds:F0} s");
            }
        });
        Console.WriteLine($"for-you: {data.Engagements.Count:N0} engagements ingested; loaded in {clock.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>Bulk-loads the data set into a SQLite file (created if missing) with the grains' own code, in transactions of BulkLoadOptions.DefaultItemsPerTransaction items.</summary>
    public static async Task<BulkLoadTotals> BulkLoadAsync(string file, SampleDataSet data)
    {
        var clock = Stopwatch.StartNew();
        var lastStage = "";
        var progress = new Progress<ImportProgress>(p =>
        {
            if (p.Stage != lastStage || p.Done == p.Total || p.Done % 1_000_000 < 100_000)
            {
                lastStage = p.Stage;
                Console.WriteLine($"for-you: bulk {p.Stage} {p.Done:N0} of {p.Total:N0} at {clock.Elapsed.TotalSeconds:F0} s; working set {Environment.WorkingSet / 1_048_576:N0} MiB");
            }
        });
        var totals = await new BulkLoader(new SqliteBulkTarget(file), new BulkLoadOptions()).LoadAsync(ForYouBulkSteps.Of(data), progress);
        Console.WriteLine($"for-you: bulk-loaded in {clock.Elapsed.TotalSeconds:F0} s: {totals.Transactions} transactions, {totals.States:N0} states, {totals.Rows:N0} log rows; "
            + $"grain calls {totals.LoadTime.TotalSeconds:F0} s, deactivating {totals.DeactivateTime.TotalSeconds:F0} s, writing {totals.WriteTime.TotalSeconds:F0} s");
        return totals;
    }

    /// <summary>A user's InterestedIn from its planted interests (community ids from 1), strongest first.</summary>
    internal static UserSimClusters InterestedIn(SampleUser user, DateTimeOffset now) => new(
        1, now, null, user.Interests.Select((score, c) => new CommunityScore(c + 1, score)).Where(s => s.Score > 0).OrderByDescending(s => s.Score).ToArray(), []);

    /// <summary>Ingests a batch; a batch that times out is sent again (event ids make that idempotent).</summary>
    internal static async Task IngestAsync(IGrainFactory grains, EngagementEvent[] batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await grains.GetGrain<IEngagementIngestGrain>(0).Ingest(batch);
                return;
            }
            catch (TimeoutException) when (attempt < 5)
            {
                Console.WriteLine($"for-you: an engagement batch timed out (attempt {attempt}); sending it again");
            }
        }
    }
}
