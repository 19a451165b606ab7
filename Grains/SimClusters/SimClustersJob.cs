using System.Diagnostics;
using Microsoft.Extensions.Options;
using Recsys.Grains.Admin.Jobs;
using Recsys.Grains.Fanout;
using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Users;
using Recsys.Runtime;

namespace Recsys.Grains.SimClusters;

/// <summary>
/// The "simclusters" job: gathers every user's follows and likes from the User grains (found through the user index),
/// runs <see cref="SimClustersComputation"/> from the previous KnownFor assignment, writes each community's KnownFor
/// producers into its SimCluster grain and each user's KnownFor, InterestedIn and producer embedding into its User
/// grain, and commits the assignment as the next model version (which schedules the weekly re-run). Arguments:
/// minFollowers, communities, producersPerCommunity, epochs, seed, maxNeighbors.
/// </summary>
public sealed class SimClustersJob(IOptions<SimClustersOptions> options, InterestedInCache interests, TimeProvider time) : IJob
{
    /// <summary>Grain calls in flight at once while gathering and writing (ours).</summary>
    public const int MaxParallelCalls = 256;

    private const int ProgressEvery = 2_000;

    public string Name => SimClustersModelGrain.JobName;

    public string Description =>
        "Computes SimClusters KnownFor communities, InterestedIn and producer embeddings from the follow and like graph "
        + "(arguments: minFollowers, communities, producersPerCommunity, epochs, seed, maxNeighbors).";

    public async Task RunAsync(JobContext context)
    {
        var settings = Settings(context);
        var model = context.Grains.GetGrain<ISimClustersModelGrain>(0);
        var previous = await model.BeginRun(context.JobId);
        try
        {
            var summary = await RunAsync(context, settings, previous);
            await model.CommitRun(context.JobId, summary.Snapshot, summary.Summary);
            await context.ReportAsync(1, $"model version {summary.Summary.ModelVersion}: {summary.Summary.ClusteredProducers:N0} producers "
                + $"(≥ {summary.Summary.MinFollowers} followers) in {summary.Summary.NonEmptyCommunities:N0} communities, "
                + $"{summary.Summary.UsersWithInterestedIn:N0} of {summary.Summary.Users:N0} users with InterestedIn");
        }
        catch (Exception exception)
        {
            await model.AbortRun(context.JobId, exception.Message);
            throw;
        }
    }

    private async Task<(KnownForSnapshot Snapshot, SimClustersRunSummary Summary)> RunAsync(
        JobContext context, SimClustersOptions settings, KnownForSnapshot? previous)
    {
        var startedAt = time.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var grains = context.Grains;

        await context.ReportAsync(0.01, "listing users");
        var users = await UserIndexGrain.ListAllAsync(grains, MaxParallelCalls);
        var inputs = await InChunksAsync(context, users, 0.02, 0.3, "reading follows and likes",
            ids => BoundedParallel.SelectAsync(ids, MaxParallelCalls, id => grains.GetGrain<IUserGrain>(id).GetSimClustersInput()));

        var reported = Task.CompletedTask; // the computation is synchronous: its reports go out in order behind it
        var result = SimClustersComputation.Run(
            inputs.SelectMany(i => i).ToArray(),
            previous is null ? null : KnownForSnapshots.ToAssignment(previous),
            settings,
            (share, message) => reported = Then(reported, () => context.ReportAsync(0.3 + 0.3 * share, message)));
        await reported;

        var version = (previous?.ModelVersion ?? 0) + 1;
        var computedAt = time.GetUtcNow();
        var snapshot = KnownForSnapshots.ToSnapshot(result.KnownFor, version, computedAt);
        await WriteCommunitiesAsync(context, result.KnownFor, previous, version, computedAt);
        await InChunksAsync<bool>(context, users, 0.65, 0.99, "writing users", async ids =>
        {
            await BoundedParallel.ForEachAsync(ids, MaxParallelCalls, id => grains.GetGrain<IUserGrain>(id).SetSimClusters(ForUser(result, id, version, computedAt)));
            return [];
        });
        interests.Clear(); // this silo's Post grains read the new vectors from now on

        var members = result.KnownFor.Members();
        var summary = new SimClustersRunSummary(
            context.JobId, version, startedAt, time.GetUtcNow(), previous is not null, users.Length, result.FollowEdges, result.LikeEdges,
            result.MinFollowers, result.KnownFor.Producers.Count, result.KnownFor.ClusterCount, members.Count,
            result.InterestedIn.Count, result.ProducerEmbeddings.Count, stopwatch.Elapsed.TotalSeconds);
        return (snapshot, summary);
    }

    /// <summary>Every community with members now or before (so emptied ones are cleared), strongest producers first.</summary>
    private static async Task WriteCommunitiesAsync(JobContext context, KnownForAssignment knownFor, KnownForSnapshot? previous, int version, DateTimeOffset at)
    {
        await context.ReportAsync(0.6, "writing communities");
        var members = knownFor.Members();
        var communities = members.Keys.Union(previous?.Communities ?? []).Order().ToArray();
        await BoundedParallel.ForEachAsync(communities, MaxParallelCalls, c =>
        {
            var producers = members.TryGetValue(c, out var ids)
                ? ids.Select(p => new KnownForProducer(p, knownFor.Producers[p].Score)).ToArray()
                : [];
            return context.Grains.GetGrain<ISimClusterGrain>(c).SetKnownFor(new CommunityKnownFor(version, at, producers));
        });
    }

    private static UserSimClusters ForUser(SimClustersResult result, long userId, int version, DateTimeOffset at) => new(
        version,
        at,
        result.KnownFor.Producers.TryGetValue(userId, out var membership) ? new CommunityScore(membership.Cluster, membership.Score) : null,
        result.InterestedIn.TryGetValue(userId, out var interests) ? CommunityVectors.ToScores(interests) : [],
        result.ProducerEmbeddings.TryGetValue(userId, out var embedding) ? CommunityVectors.ToScores(embedding) : []);

    private static async Task Then(Task previous, Func<Task> next)
    {
        await previous;
        await next();
    }

    // Calls in chunks so that progress moves from `from` to `to` as the users are done.
    private static async Task<List<TResult[]>> InChunksAsync<TResult>(
        JobContext context, long[] users, double from, double to, string what, Func<long[], Task<TResult[]>> call)
    {
        var results = new List<TResult[]>();
        for (var start = 0; start < users.Length; start += ProgressEvery)
        {
            await context.ReportAsync(from + (to - from) * start / users.Length, $"{what} ({start:N0}/{users.Length:N0})");
            results.Add(await call(users[start..Math.Min(users.Length, start + ProgressEvery)]));
        }

        return results;
    }

    private SimClustersOptions Settings(JobContext context)
    {
        var settings = options.Value.Clone();
        if (context.Arguments.ContainsKey("minFollowers"))
        {
            settings.MinFollowers = context.IntArgument("minFollowers", settings.MinFollowers);
            settings.MinProducerShare = 0; // taken as given
        }

        settings.Communities = context.Arguments.ContainsKey("communities") ? context.IntArgument("communities", 0) : settings.Communities;
        settings.ProducersPerCommunity = context.IntArgument("producersPerCommunity", settings.ProducersPerCommunity);
        settings.Epochs = context.IntArgument("epochs", settings.Epochs);
        settings.Seed = context.IntArgument("seed", settings.Seed);
        settings.MaxNeighbors = context.IntArgument("maxNeighbors", settings.MaxNeighbors);
        var problems = new SimClustersOptionsValidator().Validate(null, settings);
        if (problems.Failed)
        {
            throw new Interfaces.Errors.ValidationException("arguments", problems.FailureMessage);
        }

        return settings;
    }
}
