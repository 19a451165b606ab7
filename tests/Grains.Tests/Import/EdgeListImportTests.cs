using Recsys.Grains.Import;

namespace Recsys.Grains.Tests.Import;

[Trait("Category", "BVT")]
[Trait("Area", "Import")]
public sealed class EdgeListImportTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AWeightedCsvKeepsEdgesAtOrAboveTheMinimumWeightAtTheirShiftedTimes()
    {
        var options = new EdgeListOptions { WeightColumn = 3, MinWeight = 1, TimeColumn = 4 };

        var plan = EdgeListPlanner.Plan(EdgeListReader.Read(Fixture.Path("edges-weighted.csv"), options), options, Now, shiftToNow: true, "fixture");

        Assert.Equal(["1->2", "1->3"], plan.Follows.Select(f => $"{f.UserId}->{f.TargetUserId}")); // the -5 rating and the self-loop are gone
        Assert.Equal(Now, plan.Follows.Max(f => f.Time));
        Assert.Equal(Now.AddSeconds(1289241911 - 1289243140), plan.Follows[0].Time);
        Assert.Equal([1L, 2, 3], plan.Users.Select(u => u.Id));
    }

    [Fact]
    public void AnUndirectedWhitespaceListFollowsBothWays()
    {
        var options = new EdgeListOptions { Undirected = true, IdOffset = 1 };

        var plan = EdgeListPlanner.Plan(EdgeListReader.Read(Fixture.Path("edges-undirected.txt"), options), options, Now, shiftToNow: true, "fixture");

        Assert.Equal(6, plan.Follows.Count);
        Assert.All(plan.Follows, f => Assert.Equal(Now, f.Time)); // no time column: now
        Assert.Equal(["u1", "u2", "u3"], plan.Users.Select(u => u.Handle));
    }

    [Fact]
    public void ANodeZeroNeedsAnIdOffsetAndTheMessageSaysSo()
    {
        var error = Assert.Throws<ImportFormatException>(() => EdgeListReader.Read(Fixture.Path("edges-undirected.txt"), new EdgeListOptions()));

        Assert.Equal("edges-undirected.txt line 2: node id 0 would be user id 0; user ids must be positive (use --id-offset 1)", error.Message);
    }

    [Theory]
    [InlineData(null, 1.0, "--min-weight needs --weight-column")]
    [InlineData(0, null, "--weight-column must be 1 or more (columns are counted from 1)")]
    [InlineData(9, null, "edges-weighted.csv line 2: expected at least 9 columns, got 4")]
    public void BadOptionsAreRefusedInOneLine(int? weightColumn, double? minWeight, string message)
    {
        var options = new EdgeListOptions { WeightColumn = weightColumn, MinWeight = minWeight };

        var error = Assert.Throws<ImportFormatException>(() => EdgeListReader.Read(Fixture.Path("edges-weighted.csv"), options));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void FollowsBeyondTheLimitAreDroppedInTimeOrder()
    {
        var follows = Enumerable.Range(2, 10).Select(t => new Interfaces.Engagements.EngagementEvent($"f{t}", 1, Interfaces.Engagements.EngagementAction.Follow, null, t, Now.AddMinutes(t)));

        var (kept, dropped) = FollowCap.Apply(follows, maxFollows: 4);

        Assert.Equal([2L, 3, 4, 5], kept.Select(f => f.TargetUserId!.Value));
        Assert.Equal(6, dropped);
    }
}
