using Recsys.Grains.Reputation;

namespace Recsys.Grains.Tests.Reputation;

[Trait("Category", "BVT")]
[Trait("Area", "Tweepcred")]
public sealed class TweepcredScaleTests
{
    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1e-21, 0)] // below the 1e-20 floor
    [InlineData(1e-12, 0)] // 130 + 5.21 ln = -14, clamped
    [InlineData(1e-9, 22)] // 22.03
    [InlineData(1e-4, 82)] // 82.02
    [InlineData(0.01, 100)] // 106.01, clamped
    [InlineData(1.0, 100)] // 130, clamped
    public void RawRankMapsToAByte(double raw, int expected) => Assert.Equal(expected, TweepcredScale.ToByte(raw));

    [Fact]
    public void SixtyFiveIsTheRankTheFitPutsThere() =>
        Assert.Equal(65, TweepcredScale.ToByte(Math.Exp((65 - 130) / 5.21)));

    [Fact]
    public void ValuesRoundToTheNearestInteger()
    {
        Assert.Equal(65, TweepcredScale.ToByte(Math.Exp((65.4 - 130) / 5.21)));
        Assert.Equal(66, TweepcredScale.ToByte(Math.Exp((65.6 - 130) / 5.21)));
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(100_000)]
    [InlineData(10_000_000)]
    public void AnAverageUserScoresTheSameOnAnyGraphSize(int users) =>
        // rank 1/N rescaled by N / 1e9 is 1e-9 whatever N is.
        Assert.Equal(22, TweepcredScale.ToTweepcred(1.0 / users, users, TweepcredOptions.DefaultReferencePopulation));

    [Fact]
    public void RescalingUsesTheReferencePopulation() =>
        Assert.Equal(TweepcredScale.ToByte(1e-3 * 100_000 / 1e6), TweepcredScale.ToTweepcred(1e-3, 100_000, 1e6));
}
