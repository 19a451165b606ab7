using Recsys.Grains.Reputation;

namespace Recsys.Grains.Tests.Reputation;

[Trait("Category", "BVT")]
[Trait("Area", "Tweepcred")]
public sealed class TweepcredCalculatorTests
{
    // A celebrity (1) followed by everyone and following nobody here, a follow-spammer (2) following 3,000 with 10 followers, ordinary users.
    private static readonly UserFacts[] Users =
    [
        new(1, 2000, true, true, false, false, 50, 1_000_000),
        new(2, 400, false, true, false, false, 3000, 10),
        new(3, 400, false, true, false, false, 100, 100),
        new(4, 10, false, false, false, false, 10, 5),
        new(5, 400, false, true, true, false, 10, 5),
    ];

    private static readonly FollowEdge[] Edges =
    [
        new(2, 1), new(3, 1), new(4, 1), new(5, 1), new(2, 3), new(2, 4), new(3, 2), new(4, 5),
    ];

    [Fact]
    public void EveryUserGetsARankAndATweepcredInInputOrder()
    {
        var result = TweepcredCalculator.Compute(Users, Edges, new TweepcredOptions { ReferencePopulation = Users.Length });

        Assert.Equal(Users.Select(u => u.UserId), result.Users.Select(u => u.UserId));
        Assert.Equal(1.0, result.Users.Sum(u => u.PageRank), 12);
        Assert.Equal(1.0, result.Users.Sum(u => u.AdjustedRank), 12);
        Assert.Equal(result.Users.MaxBy(u => u.PageRank), result.Users[0]);
        Assert.True(result.Converged);
    }

    [Fact]
    public void TweepcredIsTheScaledAdjustedRank()
    {
        var options = new TweepcredOptions { ReferencePopulation = 1e4 };
        var result = TweepcredCalculator.Compute(Users, Edges, options);
        Assert.All(result.Users, u => Assert.Equal(TweepcredScale.ToByte(u.AdjustedRank * Users.Length / 1e4), u.Tweepcred));
    }

    [Fact]
    public void PostAdjustmentDividesDownTheFollowSpammer()
    {
        var adjusted = TweepcredCalculator.Compute(Users, Edges, new TweepcredOptions()).Users;
        var raw = TweepcredCalculator.Compute(Users, Edges, new TweepcredOptions { PostAdjust = false }).Users;

        Assert.Equal(raw.Select(u => u.PageRank), raw.Select(u => u.AdjustedRank));
        Assert.True(adjusted[1].AdjustedRank < adjusted[1].PageRank / 10);
        Assert.True(adjusted[2].AdjustedRank > adjusted[2].PageRank);
    }

    [Fact]
    public void EdgesToUnknownUsersAndSelfFollowsAreDropped()
    {
        FollowEdge[] noisy = [.. Edges, new(1, 99), new(99, 1), new(3, 3)];
        var clean = TweepcredCalculator.Compute(Users, Edges, new TweepcredOptions());
        var dirty = TweepcredCalculator.Compute(Users, noisy, new TweepcredOptions());
        Assert.Equal(clean.Users, dirty.Users);
    }

    [Fact]
    public void WeightsBelowOneCountAsAFollow()
    {
        var light = Edges.Select(e => e with { Weight = 0.25f }).ToArray();
        var weighted = TweepcredCalculator.Compute(Users, light, new TweepcredOptions { UseRealGraphWeights = true });
        var plain = TweepcredCalculator.Compute(Users, Edges, new TweepcredOptions());
        Assert.Equal(plain.Users, weighted.Users);
    }

    [Fact]
    public void HeavierEdgesCarryMoreRankWhenWeighted()
    {
        var heavy = Edges.Select(e => e.Source == 2 && e.Target == 3 ? e with { Weight = 20f } : e).ToArray();
        var weighted = TweepcredCalculator.Compute(Users, heavy, new TweepcredOptions { UseRealGraphWeights = true });
        var plain = TweepcredCalculator.Compute(Users, heavy, new TweepcredOptions());
        Assert.True(weighted.Users[2].PageRank > plain.Users[2].PageRank);
    }

    [Fact]
    public void YesterdaysRanksAreAStartingPoint()
    {
        var options = new TweepcredOptions { Tolerance = 1e-12, MaxIterations = 500 };
        var first = TweepcredCalculator.Compute(Users, Edges, options);
        var previous = first.Users.ToDictionary(u => u.UserId, u => u.PageRank);
        var second = TweepcredCalculator.Compute(Users, Edges, options, previous);

        Assert.Equal(1, second.Iterations);
    }

    [Fact]
    public void DuplicateUsersAreRejected() =>
        Assert.Throws<ArgumentException>(() => TweepcredCalculator.Compute([Users[0], Users[0]], [], new TweepcredOptions()));
}
