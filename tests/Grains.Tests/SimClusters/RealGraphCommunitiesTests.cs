using Recsys.Grains.Fanout;
using Recsys.Grains.Interfaces.Admin;
using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Tests.Support;
using Recsys.Runtime.Testing;
using Xunit.Abstractions;

namespace Recsys.Grains.Tests.SimClusters;

/// <summary>The simclusters job on an imported real graph (ego-Facebook as an undirected follow graph): what it finds.</summary>
[Trait("Category", "Functional")]
[Trait("Area", "SimClusters")]
public sealed class RealGraphCommunitiesTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task On_ego_Facebook_the_job_finds_communities_that_keep_most_friendships_inside()
    {
        var inputs = RealGraphs.Facebook(SharedData.FileOrSkip(RealGraphs.FacebookFile));
        await using var cluster = await SimClustersCluster.StartAsync();
        await LoadAsync(cluster, inputs);

        var run = await cluster.RunJobAsync();
        var knownFor = await cluster.GrainFactory.GetGrain<ISimClustersModelGrain>(0).GetKnownFor();

        Assert.Equal(JobStatus.Succeeded, run.Status);
        var labels = Enumerable.Range(0, knownFor!.Producers.Count).ToDictionary(i => knownFor.Producers[i], i => knownFor.Communities[i]);
        var report = CommunityReport.Of(inputs, labels);
        output.WriteLine(run.Message);
        output.WriteLine(report.ToString());
        Assert.True(report.Communities >= 5, $"{report.Communities} communities");
        Assert.True(report.InsideShare >= 0.6 && report.InsideShare >= 3 * report.ExpectedInsideShare, report.ToString());
    }

    /// <summary>Creates the users and their follows through the grains, as the sample loader does.</summary>
    private static async Task LoadAsync(TestCluster cluster, IReadOnlyList<UserSimClustersInput> inputs)
    {
        var grains = cluster.GrainFactory;
        var users = inputs.Select(u => u.UserId).Union(inputs.SelectMany(u => u.Follows)).Distinct().ToArray();
        await BoundedParallel.ForEachAsync(users, 256, id => grains.GetGrain<IUserGrain>(id).Upsert(
            new UserProfile(id, "fb" + id, "en", "US", DomainSilo.Start.AddDays(-365))));
        var followers = inputs.SelectMany(u => u.Follows.Select(p => (Follower: u.UserId, Producer: p))).GroupBy(e => e.Producer).ToArray();
        await BoundedParallel.ForEachAsync(followers, 256, g => grains.GetGrain<IFollowersGrain>(g.Key).AddMany(g.Select(e => e.Follower).ToArray()));
        await BoundedParallel.ForEachAsync(inputs, 256, u => grains.GetGrain<IUserGrain>(u.UserId).ImportFollows(u.Follows));
    }
}
