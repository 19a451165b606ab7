using System.Text.Json;
using Recsys.Grains.SimClusters;

namespace Recsys.Grains.Tests.SimClusters;

[Trait("Category", "BVT")]
[Trait("Area", "SimClusters")]
public sealed class SparseVectorTests
{
    private static SparseVector V(params (int Cluster, float Score)[] entries) => SparseVector.FromEntries(entries);

    [Fact]
    public void EntriesAreSortedByClusterWithDuplicatesSummedAndZerosDropped()
    {
        var v = V((7, 1f), (3, 2f), (7, 0.5f), (5, 0f), (9, 1f), (9, -1f));

        Assert.Equal([3, 7], v.Clusters.ToArray());
        Assert.Equal([2f, 1.5f], v.Scores.ToArray());
        Assert.Equal(1.5f, v.ScoreOf(7));
        Assert.Equal(0f, v.ScoreOf(5));
    }

    [Fact]
    public void TheConstructorRejectsUnsortedIdsAndZeroScores()
    {
        Assert.Throws<ArgumentException>(() => new SparseVector([2, 1], [1f, 1f]));
        Assert.Throws<ArgumentException>(() => new SparseVector([1, 2], [1f, 0f]));
        Assert.Throws<ArgumentException>(() => new SparseVector([1], [1f, 2f]));
    }

    [Fact]
    public void DotNormAndCosineFollowTheSparseFormulas()
    {
        var a = V((1, 3f), (2, 4f));
        var b = V((2, 1f), (5, 2f));

        Assert.Equal(4.0, a.Dot(b), 6);
        Assert.Equal(5.0, a.Norm(), 6);
        Assert.Equal(4.0 / (5.0 * Math.Sqrt(5)), a.Cosine(b), 6);
        Assert.Equal(0.0, a.Cosine(SparseVector.Empty));
    }

    [Fact]
    public void NormalizedHasUnitNormAndKeepsDirection()
    {
        var v = V((1, 3f), (2, 4f)).Normalized();

        Assert.Equal(1.0, v.Norm(), 6);
        Assert.Equal(0.6f, v.ScoreOf(1), 5);
        Assert.True(SparseVector.Empty.Normalized().IsEmpty);
    }

    [Fact]
    public void TopKeepsTheLargestScoresAndStaysSortedById()
    {
        var v = V((1, 0.1f), (2, 0.9f), (3, 0.5f), (4, 0.9f), (5, 0.2f));

        var top = v.Top(3);

        Assert.Equal([2, 3, 4], top.Clusters.ToArray());
        Assert.Equal([2, 4], v.Top(2).Clusters.ToArray());
        Assert.Same(v, v.Top(10));
        Assert.Equal([1, 3], V((1, 0.5f), (3, 0.5f), (7, 0.5f), (9, 0.1f)).Top(2).Clusters.ToArray()); // a tie: lower ids first
        Assert.True(v.Top(0).IsEmpty);
        Assert.Equal([(2, 0.9f), (4, 0.9f), (3, 0.5f), (5, 0.2f), (1, 0.1f)], v.ByScoreDescending().ToArray());
    }

    [Fact]
    public void DecayedHalvesEveryHalfLife()
    {
        var v = V((1, 8f));
        var halfLife = TimeSpan.FromHours(8);

        Assert.Equal(4f, v.Decayed(TimeSpan.FromHours(8), halfLife).ScoreOf(1), 5);
        Assert.Equal(1f, v.Decayed(TimeSpan.FromHours(24), halfLife).ScoreOf(1), 5);
        Assert.Equal(8f * MathF.Pow(2, -0.25f), v.Decayed(TimeSpan.FromHours(2), halfLife).ScoreOf(1), 4);
    }

    [Fact]
    public void AddMergesAndDropsCancelledEntries()
    {
        var sum = V((1, 1f), (3, 2f)).Add(V((2, 5f), (3, -2f)), weight: 1);

        Assert.Equal([1, 2], sum.Clusters.ToArray());
        Assert.Equal([1f, 5f], sum.Scores.ToArray());
        Assert.Equal(V((1, 1f), (3, 4f)), V((1, 1f), (3, 2f)).Add(V((3, 1f)), weight: 2));
    }

    [Fact]
    public void ADecayedSumDropsSmallScoresAndKeepsTheTopScoresInIdOrder()
    {
        var sum = SparseVector.DecayedSum(V((1, 0.01f), (2, 0.5f), (4, 0.3f)), 1.0, V((3, 0.4f), (4, 0.3f)), 1.0, minScore: 0.02f, k: 2);

        Assert.Equal([2, 4], sum.Clusters.ToArray());
        Assert.Equal([0.5f, 0.6f], sum.Scores.ToArray());
    }

    // The one-pass sum must equal, bit for bit, the composition it replaced (scale each side, add, drop the small
    // ones, keep the top k), including entries that cancel, underflow, tie, or fall on the threshold.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ADecayedSumIsExactlyTheComposedOperations(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 2_000; round++)
        {
            var a = RandomVector(random);
            var b = random.Next(4) == 0 ? a : RandomVector(random);
            var aFactor = random.Next(6) switch { 0 => 1.0, 1 => 1e-40, 2 => -1.0, _ => random.NextDouble() * 2 };
            var bFactor = random.Next(4) == 0 ? 1.0 : random.NextDouble();
            var minScore = random.Next(3) switch { 0 => 0.02f, 1 => -1f, _ => (float)random.NextDouble() * 0.5f };
            var k = random.Next(0, 12);

            var composed = Top(AtLeast(a.Scaled(aFactor).Add(b.Scaled(bFactor)), minScore), k);

            Assert.Equal(composed, SparseVector.DecayedSum(a, aFactor, b, bFactor, minScore, k));
        }

        // Written out here, not through Top, which now shares DecayedSum's selection.
        static SparseVector Top(SparseVector v, int k) => SparseVector.FromEntries(v.ByScoreDescending().Take(k));

        static SparseVector AtLeast(SparseVector v, float minScore) =>
            SparseVector.FromEntries(Enumerable.Range(0, v.Count).Where(i => !(v.Scores[i] < minScore)).Select(i => (v.Clusters[i], v.Scores[i])));

        // Few ids and few score values, so that ids overlap, sums cancel and scores tie.
        static SparseVector RandomVector(Random random) => SparseVector.FromEntries(Enumerable.Range(0, random.Next(0, 14))
            .Select(_ => (random.Next(0, 20), random.Next(-2, 9) * 0.125f)));
    }

    [Fact]
    public void ItRoundTripsThroughJsonForGrainState()
    {
        var v = V((4, 0.25f), (9, 0.75f));
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var json = JsonSerializer.Serialize(v, options);
        var back = JsonSerializer.Deserialize<SparseVector>(json, options);

        Assert.Equal("{\"clusters\":[4,9],\"scores\":[0.25,0.75]}", json);
        Assert.Equal(v, back);
    }

    [Fact]
    public void TheTimeInvariantKeyOrdersDecayedValuesLikeTheirValues()
    {
        var halfLife = TimeSpan.FromHours(8);
        var t0 = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var older = HalfLifeDecay.TimeInvariantKey(4, t0, halfLife);
        var newer = HalfLifeDecay.TimeInvariantKey(3, t0.AddHours(8), halfLife); // 4 decays to 2 by then

        Assert.True(newer > older);
        Assert.Equal(2.0, HalfLifeDecay.ValueFromKey(older, t0.AddHours(8), halfLife), 9);
        Assert.Equal(1.0, HalfLifeDecay.ValueAt(4, t0, t0.AddHours(16), halfLife), 9);
    }
}
