using Recsys.Grains.Reputation;

namespace Recsys.Grains.Tests.Reputation;

[Trait("Category", "BVT")]
[Trait("Area", "Tweepcred")]
public sealed class UserMassTests
{
    private static UserFacts User(
        int ageDays = 365, bool verified = false, bool device = false, bool suspended = false, bool restricted = false,
        long followings = 10, long followers = 10) =>
        new(1, ageDays, verified, device, suspended, restricted, followings, followers);

    [Theory]
    [InlineData(365, true, 55.0)]
    [InlineData(365, false, 5.0)]
    [InlineData(31, true, 55.0)]
    [InlineData(30, true, 55.0)] // ln(1 + 30/15) > 1, capped at 1
    [InlineData(0, false, 1.0)] // age factor 0, floored at 0.01
    [InlineData(0, true, 1.0)]
    public void MassFollowsDeviceAndAge(int ageDays, bool device, double expected) =>
        Assert.Equal(expected, UserMass.Of(User(ageDays, device: device)), 9);

    [Fact]
    public void YoungAccountsScaleByLogOfAge()
    {
        Assert.Equal(55 * Math.Log(2), UserMass.Of(User(15, device: true)), 9);
        Assert.Equal(5 * Math.Log(1 + 7 / 15.0), UserMass.Of(User(7)), 9);
    }

    [Fact]
    public void NegativeAgeCountsAsANewAccount() => Assert.Equal(1.0, UserMass.Of(User(-40)), 9);

    [Fact]
    public void SuspendedUsersHaveNoMassEvenWhenVerified() =>
        Assert.Equal(0.0, UserMass.Of(User(verified: true, device: true, suspended: true)));

    [Fact]
    public void VerifiedUsersGetTheFullMassWhateverTheirAge() =>
        Assert.Equal(100.0, UserMass.Of(User(ageDays: 0, verified: true)));

    [Fact]
    public void RestrictionMultipliesTheScoreByATenth()
    {
        Assert.Equal(5.5, UserMass.Of(User(device: true, restricted: true)), 9);
        Assert.Equal(0.1, UserMass.Of(User(ageDays: 0, restricted: true)), 9); // floor 0.01 first, then x0.1
    }

    [Fact]
    public void FollowingManyMoreThanFollowBackIsPenalised()
    {
        var ratio = 1001.0 / 101.0;
        Assert.Equal(55 / Math.Exp(5 * (ratio - 0.6)), UserMass.Of(User(device: true, followings: 1000, followers: 100)), 12);
    }

    [Fact]
    public void TheRatioPenaltyAppliesToVerifiedUsersToo()
    {
        var ratio = 601.0 / 201.0;
        Assert.Equal(100 / Math.Exp(5 * (ratio - 0.6)), UserMass.Of(User(verified: true, followings: 600, followers: 200)), 12);
    }

    [Theory]
    [InlineData(500, 0)] // not above 500 followings
    [InlineData(501, 1000)] // ratio 502/1001 is under 0.6
    [InlineData(5000, 9000)]
    public void NoPenaltyAtOrBelowTheThresholds(long followings, long followers) =>
        Assert.Equal(55.0, UserMass.Of(User(device: true, followings: followings, followers: followers)), 9);

    [Fact]
    public void PenaltyStartsJustAboveARatioOfPointSix()
    {
        var mass = UserMass.Of(User(device: true, followings: 600, followers: 999)); // ratio 601/1000 = 0.601
        Assert.Equal(55 / Math.Exp(5 * (0.601 - 0.6)), mass, 9);
        Assert.True(mass < 55);
    }

    [Fact]
    public void PriorIsNormalisedToSumToOne()
    {
        var prior = UserMass.Prior([User(verified: true), User(device: true), User(), User(suspended: true)]);
        Assert.Equal(1.0, prior.Sum(), 12);
        Assert.Equal(100 / 160.0, prior[0], 12);
        Assert.Equal(55 / 160.0, prior[1], 12);
        Assert.Equal(0.0, prior[3]);
    }

    [Fact]
    public void AnAllSuspendedPopulationGetsAUniformPrior() =>
        Assert.Equal([0.5, 0.5], UserMass.Prior([User(suspended: true), User(suspended: true)]));
}
