using Recsys.Grains.Interfaces.Users;

namespace Recsys.Grains.Users;

/// <summary>
/// Places a user in one of home-mixer's user states from the last 28 days of activity and posting. The state names
/// are published (algorithm.md 1.2); the thresholds are not, so these are ours: new for 14 days after signup, then
/// by active days (0, 1-4, 5-10, 11-20, 21+), medium and heavy users split into tweeters and not by posting days.
/// </summary>
public static class UserStateClassifier
{
    public const int WindowDays = 28;

    public static readonly TimeSpan NewUserPeriod = TimeSpan.FromDays(14);

    public static UserState Classify(DateTimeOffset signupTime, DateTimeOffset now, int activeDays, int postedDays)
    {
        if (now - signupTime < NewUserPeriod)
        {
            return UserState.New;
        }

        return activeDays switch
        {
            0 => UserState.NearZero,
            <= 4 => UserState.VeryLight,
            <= 10 => UserState.Light,
            <= 20 => postedDays >= 4 ? UserState.MediumTweeter : UserState.MediumNonTweeter,
            _ => postedDays >= 8 ? UserState.HeavyTweeter : UserState.HeavyNonTweeter,
        };
    }
}
