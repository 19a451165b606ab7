using Recsys.Grains.Interfaces.Reputation;
using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Reputation;
using Recsys.Grains.Reputation.Cluster;
using Xunit.Abstractions;

namespace Recsys.Grains.Tests.Reputation;

/// <summary>The tweepcred job on three silos over loopback TCP: partitions spread out, and scores equal the pure function.</summary>
[Trait("Category", "Functional")]
[Trait("Area", "Tweepcred")]
public sealed class TweepcredClusterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task PartitionsOnSeveralSilosComputeTheScoresOfThePureFunctionAndStartTheNextRunFromThem()
    {
        await using var cluster = await TweepcredCluster.StartAsync(3);
        var graph = TweepcredTestGraph.Generate(700, seed: 7, DateTimeOffset.UtcNow);
        await graph.LoadAsync(cluster.Silos[1].GrainFactory);
        var coordinator = cluster.Silos[2].GrainFactory.GetGrain<ITweepcredCoordinatorGrain>(0);
        var options = new TweepcredOptions { ReferencePopulation = TweepcredCluster.ReferencePopulation };

        var first = await coordinator.WaitAsync(await coordinator.Start(new TweepcredRunRequest(null, Partitions: 6, Trigger: "test")));
        output.WriteLine($"run {first.RunId} {first.State} {first.Error}: {first.Users} users, {first.Edges} edges, {first.Iterations} iterations, silos {string.Join(", ", first.PartitionSilos)}");
        var scores = await cluster.GrainFactory.ScoresAsync(graph.Users.Select(u => u.Id));

        Assert.Equal(TweepcredRunState.Succeeded, first.State);
        Assert.Equal(6, first.PartitionSilos.Count);
        Assert.True(first.PartitionSilos.Distinct().Count() >= 2, $"all partitions ran on {first.PartitionSilos[0]}");
        Assert.Subset(cluster.Silos.Select(s => s.Address.ToString()).ToHashSet(), first.PartitionSilos.ToHashSet());
        var expected = graph.Expected(first.AsOf, options);
        Assert.Equal((graph.Users.Length, graph.Follows.Sum(f => (long)f.Length)), (first.Users, first.Edges));
        Assert.Equal((expected.Iterations, expected.Converged), (first.Iterations, first.Converged));
        output.WriteLine($"largest rank difference from the pure function: {TweepcredTestGraph.AssertMatches(expected, scores):E2}");
        Assert.Contains(scores.Values, s => s!.Tweepcred > 65);
        Assert.Contains(scores.Values, s => s!.Tweepcred < 65);

        // The second run starts from the stored PageRank (yesterday's mass), as the pure function does when given it.
        var second = await coordinator.WaitAsync(await coordinator.Start(new TweepcredRunRequest(null, Partitions: 4, Trigger: "test")));
        var previous = scores.ToDictionary(s => s.Key, s => s.Value!.PageRank);
        var warm = graph.Expected(second.AsOf, options, previous);

        Assert.Equal(TweepcredRunState.Succeeded, second.State);
        Assert.Equal(warm.Iterations, second.Iterations);
        Assert.True(second.Iterations < first.Iterations, $"warm start took {second.Iterations} iterations, cold {first.Iterations}");
        output.WriteLine($"warm start: {second.Iterations} iterations (cold {first.Iterations}); largest rank difference "
            + $"{TweepcredTestGraph.AssertMatches(warm, await cluster.GrainFactory.ScoresAsync(graph.Users.Select(u => u.Id))):E2}");
    }

    [Fact]
    public async Task AWeightedSnapshotWithDuplicateSelfAndUnknownFollowsInTinyMessagesMatchesThePureFunction()
    {
        var graph = TweepcredTestGraph.Generate(300, seed: 11, DateTimeOffset.UtcNow);
        var snapshot = graph.Snapshot(noise: true);
        await using var cluster = await TweepcredCluster.StartAsync(3, configure: silo =>
        {
            silo.UseTweepcredSnapshot(snapshot);
            silo.Configure<TweepcredOptions>(o => (o.UseRealGraphWeights, o.Tolerance) = (true, 1e-12));
            silo.Configure<TweepcredJobOptions>(o => (o.MaxMessageEntries, o.BatchUsers) = (7, 13));
        });
        var coordinator = cluster.GrainFactory.GetGrain<ITweepcredCoordinatorGrain>(0);

        var run = await coordinator.WaitAsync(await coordinator.Start(new TweepcredRunRequest(null, Partitions: 5, Trigger: "test")));

        Assert.Equal(TweepcredRunState.Succeeded, run.State);
        Assert.Equal(20, run.Iterations);
        var options = new TweepcredOptions { ReferencePopulation = TweepcredCluster.ReferencePopulation, UseRealGraphWeights = true, Tolerance = 1e-12 };
        var expected = graph.Expected(run.AsOf, options);
        var largest = TweepcredTestGraph.AssertMatches(expected, graph.Users.ToDictionary(u => u.Id, u => snapshot.Score(u.Id)));
        output.WriteLine($"weighted snapshot: largest rank difference from the pure function {largest:E2}");
        Assert.Null(await cluster.GrainFactory.GetGrain<IUserGrain>(graph.Users[0].Id).GetTweepcred()); // the snapshot kept the scores
    }
}
