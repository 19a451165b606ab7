using Recsys.Grains.Interfaces.Users;
using Recsys.Grains.Users;

namespace Recsys.Grains.Tests.Users;

[Trait("Category", "BVT")]
[Trait("Area", "Users")]
public sealed class UserStateClassifierTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(5, 0, 0, UserState.New)]
    [InlineData(100, 0, 0, UserState.NearZero)]
    [InlineData(100, 3, 0, UserState.VeryLight)]
    [InlineData(100, 8, 2, UserState.Light)]
    [InlineData(100, 15, 1, UserState.MediumNonTweeter)]
    [InlineData(100, 15, 6, UserState.MediumTweeter)]
    [InlineData(100, 25, 2, UserState.HeavyNonTweeter)]
    [InlineData(100, 25, 10, UserState.HeavyTweeter)]
    public void The_state_follows_signup_age_active_days_and_posting_days(int daysSinceSignup, int activeDays, int postedDays, UserState expected) =>
        Assert.Equal(expected, UserStateClassifier.Classify(Now.AddDays(-daysSinceSignup), Now, activeDays, postedDays));

    [Fact]
    public void The_calendar_counts_distinct_days_within_the_window_as_time_moves()
    {
        var calendar = new ActivityCalendar();
        calendar.MarkActive(Now.AddDays(-40));
        calendar.MarkActive(Now.AddDays(-3));
        calendar.MarkActive(Now.AddDays(-3).AddHours(1));
        calendar.MarkPosted(Now);

        Assert.Equal(2, calendar.ActiveDays(Now, 28));
        Assert.Equal(1, calendar.PostedDays(Now, 28));
        Assert.Equal(0, calendar.ActiveDays(Now.AddDays(40), 28));
    }
}
