using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Reputation.Cluster;
using Recsys.Runtime;

namespace Recsys.Grains.Tests.Reputation;

/// <summary>The partition's building blocks without a silo: loading, the id map, the edge exchange's bookkeeping, key choice.</summary>
[Trait("Category", "BVT")]
[Trait("Area", "Tweepcred")]
public sealed class TweepcredPartitionTests
{
    private static readonly DateTimeOffset Signup = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void LoadingOrdersUsersByIdAndSortsEachRowWithoutSelfFollowsOrDuplicatesKeepingTheLargerWeightAtLeastOne()
    {
        var loader = new PartitionLoader(weighted: true);
        loader.Add(Batch([30, 10], [[10, 5, 30, 5, 7], []], [[2, 0.5f, 9, 3, 0.25f], []]));
        loader.Add(Batch([20], [[30, 10]], [[1, 1]]));

        var users = loader.Finish();

        Assert.Equal([10L, 20, 30], users.Users.Select(u => u.UserId));
        Assert.Equal([0, 0, 2, 5], users.OutOffsets);
        Assert.Equal([10L, 30, 5, 7, 10], users.OutTargets);
        Assert.Equal([1f, 1, 3, 1, 2], users.OutWeights!);
        Assert.True(users.IndexById.TryGetValue(30, out var index) && index == 2);
    }

    [Fact]
    public void AUserReadTwiceFailsTheLoad()
    {
        var loader = new PartitionLoader(weighted: false);
        loader.Add(Batch([4, 2], [[], []], null));
        loader.Add(Batch([2], [[]], null));

        Assert.Contains("user 2 was read twice", Assert.Throws<InvalidOperationException>(loader.Finish).Message);
    }

    [Fact]
    public void TheIdMapFindsEveryKeyAndNoOther()
    {
        var keys = Enumerable.Range(0, 10_000).Select(i => (i * 7_919L) - 5_000_000).ToArray();
        var map = new LongIndexMap(keys);

        Assert.All(keys, (key, i) => Assert.True(map.TryGetValue(key, out var value) && value == i));
        Assert.False(map.TryGetValue(1, out _));
        Assert.Throws<ArgumentException>(() => new LongIndexMap([3, 4, 3]));
    }

    [Fact]
    public void TheReceiverRefusesUnknownTargetsAndNumbersMirroredSourcesAsTheSenderListsThem()
    {
        // Partition 1 (odd user-index shards of two) sends to partition 0 (even ones).
        var sender = new PartitionLoader(weighted: false);
        sender.Add(Batch([1, 3, 5], [[2, 4, 6], [], [2, 9_998]], null)); // 9998 is unknown to the receiver
        var from = sender.Finish();
        var receiver = new PartitionLoader(weighted: false);
        receiver.Add(Batch([2, 4, 6], [[], [], []], null));
        var to = receiver.Finish();
        var buckets = new OutEdgeBuckets(from, partitions: 2);
        var collector = new InEdgeCollector(self: 0, partitions: 2, to.IndexById, weighted: false);

        var count = buckets.Count(0);
        var targets = new long[count];
        buckets.Fill(0, 0, targets, default);
        var refused = collector.Accept(1, 0, count, buckets.Sources(0, 0, count), targets, default);
        buckets.Reject(0, 0, refused);
        var repeated = Assert.Throws<InvalidOperationException>(() => collector.Accept(1, 0, count, buckets.Sources(0, 0, count), targets, default));
        var totals = buckets.OutTotals();
        var inEdges = collector.Build(to.Count);

        Assert.Equal([4], refused);
        Assert.Contains("edge chunk 0", repeated.Message);
        Assert.Equal([0, 2], buckets.SendList(0));
        Assert.Equal([3, 0, 1], totals.Degrees);
        Assert.Equal(4, totals.Kept);
        Assert.Equal([0, 2, 3, 4], inEdges.Offsets); // user 2 <- 1 and 5; user 4 <- 1; user 6 <- 1
        Assert.Equal([3, 4, 3, 3], inEdges.Columns); // partition 1's mirrors follow the 3 local users: 1 -> 3, 5 -> 4
        Assert.Equal((2, 3, 5), (inEdges.MirrorCount[1], inEdges.MirrorBase[1], inEdges.ColumnCount));
    }

    [Fact]
    public void PartitionKeysPutPartitionPOnSiloPModuloTheSiloCount()
    {
        var keys = PartitionKeys.Spread(7, 3);

        Assert.Equal(7, keys.Distinct().Count());
        Assert.All(keys, (key, p) => Assert.Equal((uint)(p % 3), GrainId.Create(TweepcredPartitionGrain.TypeName, key).GetUniformHashCode() % 3));
        Assert.Equal(keys, PartitionKeys.Spread(7, 3));
    }

    [Fact]
    public void JobOptionsAreValidByDefaultAndOutOfRangeValuesAreRejected()
    {
        var validator = new TweepcredJobOptionsValidator();

        Assert.True(validator.Validate(null, new TweepcredJobOptions()).Succeeded);
        Assert.False(validator.Validate(null, new TweepcredJobOptions { Partitions = UserIndex.Shards + 1 }).Succeeded);
        Assert.False(validator.Validate(null, new TweepcredJobOptions { MaxMessageEntries = 0 }).Succeeded);
        Assert.False(validator.Validate(null, new TweepcredJobOptions { MaxMessageEntries = TweepcredJobOptions.MaxMessageEntriesLimit + 1 }).Succeeded);
        Assert.False(validator.Validate(null, new TweepcredJobOptions { MaxParallelCalls = 0 }).Succeeded);
        Assert.False(validator.Validate(null, new TweepcredJobOptions { BatchUsers = 0 }).Succeeded);
        Assert.False(validator.Validate(null, new TweepcredJobOptions { DailyAt = TimeSpan.FromHours(24) }).Succeeded);
    }

    private static TweepcredUserBatch Batch(long[] ids, long[][] follows, float[][]? weights)
    {
        var offsets = new int[ids.Length + 1];
        for (var i = 0; i < ids.Length; i++)
        {
            offsets[i + 1] = offsets[i] + follows[i].Length;
        }

        var users = ids.Select(id => new TweepcredUser(id, Signup, false, true, false, false, null)).ToArray();
        return new TweepcredUserBatch(users, offsets, follows.SelectMany(f => f).ToArray(), weights?.SelectMany(w => w).ToArray(), 1);
    }
}
