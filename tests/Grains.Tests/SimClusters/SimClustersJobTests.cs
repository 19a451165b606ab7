using Microsoft.Extensions.DependencyInjection;
using Recsys.Grains.Interfaces.Admin;
using Recsys.Grains.Interfaces.SimClusters;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Sample;
using Recsys.Grains.SimClusters;
using Recsys.Grains.Tests.Support;
using Xunit.Abstractions;

namespace Recsys.Grains.Tests.SimClusters;

/// <summary>The simclusters job end to end on the grains: quality on the sample, what it writes, warm re-runs, control.</summary>
[Trait("Category", "Functional")]
[Trait("Area", "SimClusters")]
public sealed class SimClustersJobTests(ITestOutputHelper output)
{
    [Fact]
    public async Task On_the_default_sample_KnownFor_finds_the_planted_communities_with_NMI_above_six_tenths()
    {
        await using var cluster = await SimClustersCluster.StartAsync();
        var data = SampleGenerator.Generate(new SampleOptions(), DomainSilo.Start);
        await cluster.Services.GetRequiredService<SampleLoader>().LoadAsync(data, (_, _) => Task.CompletedTask);

        var run = await cluster.RunJobAsync();
        var knownFor = await cluster.GrainFactory.GetGrain<ISimClustersModelGrain>(0).GetKnownFor();

        Assert.Equal(JobStatus.Succeeded, run.Status);
        Assert.NotNull(knownFor);
        var planted = data.Users.ToDictionary(u => u.Profile.Id, u => u.Community);
        var labels = Enumerable.Range(0, knownFor.Producers.Count).ToDictionary(i => knownFor.Producers[i], i => knownFor.Communities[i]);
        var nmi = NormalizedMutualInformation.Compute(labels.Keys.ToDictionary(p => p, p => planted[p]), labels);
        output.WriteLine($"{run.Message}; NMI {nmi:F3} over {labels.Count} producers");
        foreach (var found in labels.GroupBy(l => l.Value).OrderByDescending(g => g.Count()))
        {
            var plantedCounts = found.GroupBy(p => planted[p.Key]).OrderByDescending(g => g.Count()).Select(g => $"{data.Communities[g.Key].Name}×{g.Count()}");
            output.WriteLine($"  community {found.Key}: {found.Count()} producers, planted {string.Join(", ", plantedCounts)}");
        }

        Assert.True(nmi >= 0.6, $"NMI {nmi:F3}");

        // Every user got its vector; its strongest community is mostly its planted one.
        var users = data.Users.Select(u => u.Profile.Id).ToArray();
        var stored = await Task.WhenAll(users.Select(id => cluster.GrainFactory.GetGrain<IUserGrain>(id).GetSimClusters()));
        Assert.All(stored, s => Assert.Equal(1, s!.ModelVersion));
        var top = users.Select((id, i) => (id, stored[i]!.InterestedIn)).Where(u => u.InterestedIn.Count > 0)
            .ToDictionary(u => u.id, u => u.InterestedIn[0].CommunityId);
        var userNmi = NormalizedMutualInformation.Compute(planted, top);
        output.WriteLine($"{top.Count} of {users.Length} users with InterestedIn; NMI of their top community {userNmi:F3}");
        Assert.True(top.Count >= users.Length * 0.95, $"{top.Count} users with InterestedIn");
        Assert.True(userNmi >= 0.6, $"users' NMI {userNmi:F3}");
        Assert.All(stored.Where(s => s!.InterestedIn.Count > 0), s => Assert.Equal(1, s!.InterestedIn.Sum(c => (double)c.Score * c.Score), 3));

        // Each community grain holds exactly its KnownFor producers.
        var community = labels.GroupBy(l => l.Value).MaxBy(g => g.Count())!;
        var view = await cluster.GrainFactory.GetGrain<ISimClusterGrain>(community.Key).GetView();
        Assert.Equal(community.Select(p => p.Key).Order(), view.KnownFor.Select(p => p.ProducerId).Order());
        Assert.Equal(1, view.ModelVersion);
        var member = view.KnownFor[0].ProducerId;
        Assert.Equal(community.Key, (await cluster.GrainFactory.GetGrain<IUserGrain>(member).GetSimClusters())!.KnownFor!.Value.CommunityId);
    }
}
