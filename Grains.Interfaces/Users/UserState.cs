namespace Recsys.Grains.Interfaces.Users;

/// <summary>
/// How active a user is, from login and posting frequency. The names are home-mixer's user states (algorithm.md
/// section 1.2: in-network retrieval looks back 48 h instead of 24 h for the light and new ones).
/// </summary>
public enum UserState
{
    New,
    NearZero,
    VeryLight,
    Light,
    MediumNonTweeter,
    MediumTweeter,
    HeavyNonTweeter,
    HeavyTweeter,
}
