using Recsys.Grains.Reputation;

namespace Recsys.Grains.Tests.Reputation;

[Trait("Category", "BVT")]
[Trait("Area", "Tweepcred")]
public sealed class ReputationGraphTests
{
    [Fact]
    public void NodesThatOnlyAppearInEdgesAreCounted()
    {
        var builder = new ReputationGraphBuilder();
        builder.AddNode(7);
        builder.AddEdge(10, 20);
        var graph = builder.Build();

        Assert.Equal(3, graph.NodeCount);
        Assert.Equal(1, graph.EdgeCount);
        Assert.Equal([7L, 10L, 20L], Enumerable.Range(0, 3).Select(graph.NodeId));
        Assert.True(graph.TryGetIndex(20, out var index) && index == 2);
        Assert.False(graph.TryGetIndex(99, out _));
    }

    [Fact]
    public void ParallelEdgesAreSummedInAWeightedGraph()
    {
        var builder = new ReputationGraphBuilder(weighted: true);
        builder.AddEdge(1, 2, 2f);
        builder.AddEdge(1, 3, 1f);
        builder.AddEdge(1, 2, 5f);
        var graph = builder.Build();

        Assert.Equal(2, graph.EdgeCount);
        Assert.Equal([1, 2], graph.OutTargets(0).ToArray());
        Assert.Equal([7f, 1f], graph.OutWeights(0).ToArray());
        Assert.Equal(8.0, graph.OutWeightTotal(0));
        Assert.Equal([7f], graph.InWeights(1).ToArray());
    }

    [Fact]
    public void MaxMergeKeepsTheLargestParallelWeight()
    {
        var builder = new ReputationGraphBuilder(weighted: true, merge: ParallelEdgeMerge.Max);
        builder.AddEdge(1, 2, 2f);
        builder.AddEdge(1, 2, 5f);
        builder.AddEdge(1, 2, 3f);
        Assert.Equal([5f], builder.Build().OutWeights(0).ToArray());
    }

    [Fact]
    public void ParallelEdgesCollapseInAnUnweightedGraph()
    {
        var builder = new ReputationGraphBuilder();
        builder.AddEdge(1, 2, 4f);
        builder.AddEdge(1, 2, 4f);
        var graph = builder.Build();

        Assert.False(graph.IsWeighted);
        Assert.Equal(1, graph.EdgeCount);
        Assert.Equal(1.0, graph.OutWeightTotal(0));
        Assert.True(graph.OutWeights(0).IsEmpty);
    }

    [Fact]
    public void InEdgesAreTheTransposeSortedBySource()
    {
        int[] sources = [3, 0, 2, 1, 3, 0];
        int[] targets = [1, 1, 1, 0, 0, 3];
        var graph = ReputationGraph.FromDenseEdges(4, sources, targets);

        Assert.Equal([0, 2, 3], graph.InSources(1).ToArray());
        Assert.Equal([1, 3], graph.InSources(0).ToArray());
        Assert.Equal([0], graph.InSources(3).ToArray());
        Assert.Equal([0, 1], graph.OutTargets(3).ToArray());
        Assert.True(graph.IsDangling(2) is false && graph.OutDegree(2) == 1);
        Assert.True(graph.InSources(2).IsEmpty);
    }

    [Fact]
    public void ADenseGraphWithoutOutEdgesIsDangling()
    {
        var graph = ReputationGraph.FromDenseEdges(3, [0], [1]);
        Assert.True(graph.IsDangling(1));
        Assert.True(graph.IsDangling(2));
        Assert.Equal(0.0, graph.OutWeightTotal(2));
        Assert.Equal(2L, graph.NodeId(2));
    }

    [Fact]
    public void EdgesOutsideTheNodeRangeAreRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReputationGraph.FromDenseEdges(2, [0], [2]));

    [Fact]
    public void NonPositiveWeightsAreRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReputationGraph.FromDenseEdges(2, [0], [1], [0f], weighted: true));
}
