using Recsys.Grains.Reputation;

namespace Recsys.Grains.Tests.Reputation;

[Trait("Category", "BVT")]
[Trait("Area", "Tweepcred")]
public sealed class PostAdjustmentTests
{
    [Theory]
    [InlineData(2500, 0)]
    [InlineData(100, 0)]
    public void AccountsFollowingAtMost2500AreLeftAlone(long followings, long followers) =>
        Assert.Equal(1.0, PostAdjustment.Divisor(followings, followers));

    [Fact]
    public void DivisorGrowsWithTheRatioTimesLogLogFollowings()
    {
        var ratio = 3001.0 / 2801.0;
        var expected = Math.Exp(3.0 * (ratio - 1.0) * Math.Log(Math.Log(3000)));
        Assert.Equal(expected, PostAdjustment.Divisor(3000, 2800), 12);
        Assert.InRange(expected, 1.5, 1.6);
    }

    [Fact]
    public void DivisorIsCappedAtFifty() => Assert.Equal(50.0, PostAdjustment.Divisor(3000, 100));

    [Fact]
    public void RatioBelowOneIsNotAdjustedAsInTheSource() =>
        // Reputation.scala subtracts 1.0; with algorithm.md's 0.6 this account would be divided by about 2.5.
        Assert.Equal(1.0, PostAdjustment.Divisor(3000, 4000));

    [Fact]
    public void AdjustedRanksAreRenormalised()
    {
        UserFacts[] users =
        [
            new(1, 365, false, true, false, false, 3000, 100), // divided by 50
            new(2, 365, false, true, false, false, 10, 10),
        ];
        var adjusted = PostAdjustment.Apply([0.5, 0.5], users);
        Assert.Equal(1.0, adjusted.Sum(), 12);
        Assert.Equal(0.01 / 0.51, adjusted[0], 12);
        Assert.Equal(0.5 / 0.51, adjusted[1], 12);
    }
}
